package de.wahlwerk.server.entry;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.setup.ResultStore;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The unit's result at the previous election, re-keyed to this election's ballot positions by the
 * nominations' short names, so that "a list's share far off last time" compares the same party.
 * A party that did not stand before simply has no previous value.
 */
@Component
class PreviousResults {

    private final ResultStore results;

    PreviousResults(ResultStore results) {
        this.results = results;
    }

    /** @param comparisonElection the election whose comparison sources apply (the original of a rehearsal) */
    Counts forUnit(ReportForm form, long comparisonElection) {
        var stored = results.previousUnit(comparisonElection, form.unit().officialKey()).orElse(null);
        if (stored == null) {
            return null;
        }
        Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
        for (VoteKind kind : form.election().kind().voteKinds()) {
            Long[] iv = stored.invalidValid().get(kind);
            Map<String, Long> byGroup = stored.votesByGroup().getOrDefault(kind, Map.of());
            Map<Integer, Long> perPosition = new LinkedHashMap<>();
            form.fields().stream()
                    .filter(f -> f.ballotPosition() != null && f.section().equals(kind.name()))
                    .forEach(f -> {
                        Long v = byGroup.get(f.nominationName());
                        if (v != null) {
                            perPosition.put(f.ballotPosition(), v);
                        }
                    });
            votes.put(kind, new VoteCounts(iv == null ? null : iv[0], iv == null ? null : iv[1], perPosition));
        }
        return new Counts(stored.eligibleNoCard(), stored.eligibleWithCard(), stored.eligibleAdded(), stored.eligible(),
                stored.voters(), stored.votersWithCard(), votes);
    }
}
