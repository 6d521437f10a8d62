package de.wahlwerk.server.register;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the roll for other features (the quick-report checks of {@code entry}):
 * counts per polling district, no personal data, no authorisation (the caller decides, as with
 * SetupDirectory). A1 = on the roll without polling card, A2 = with polling card (Sperrvermerk „W“).
 */
@Component
@Transactional(readOnly = true)
public class RollCounts {

    /** The counts of one polling district. */
    public record UnitRoll(long unitId, long a1, long a2) {
        public long eligible() {
            return a1 + a2;
        }
    }

    private final RegisterStore store;

    RollCounts(RegisterStore store) {
        this.store = store;
    }

    /** Whether a roll has been built for the election. */
    public boolean hasRoll(long electionId) {
        return store.roll(electionId).isPresent();
    }

    /** Unit id → counts, for every district with at least one person on the roll. */
    public Map<Long, UnitRoll> byUnit(long electionId) {
        Map<Long, UnitRoll> m = new LinkedHashMap<>();
        store.counts(electionId).forEach(c -> m.put(c.unitId(), new UnitRoll(c.unitId(), c.a1(), c.a2())));
        return m;
    }

    public Optional<UnitRoll> unit(long electionId, long unitId) {
        return Optional.ofNullable(byUnit(electionId).get(unitId));
    }
}
