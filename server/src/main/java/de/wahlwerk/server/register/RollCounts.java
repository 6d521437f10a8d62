package de.wahlwerk.server.register;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the roll for other features (the quick-report checks of {@code entry}):
 * counts, no personal data, no authorisation (the caller decides, as with SetupDirectory).
 */
@Component
@Transactional(readOnly = true)
public class RollCounts {

    private final RegisterStore store;

    RollCounts(RegisterStore store) {
        this.store = store;
    }

    /** Whether a roll has been built for the election. */
    public boolean hasRoll(long electionId) {
        return store.roll(electionId).isPresent();
    }

    /** Polling cards issued to people on the roll (marks „W“), all districts together. */
    public long pollingCards(long electionId) {
        return store.pollingCards(electionId);
    }
}
