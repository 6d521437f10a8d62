package de.wahlwerk.server.entry;

import de.wahlwerk.server.web.ClientKey;
import de.wahlwerk.server.web.RateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wrong unit codes are throttled per client address, so that codes cannot be guessed: at most
 * {@value #MAX_WRONG} wrong codes in {@link #WINDOW}, then every request is refused until the
 * window has passed. Per client address means IPv6 by its /64 ({@link ClientKey}). Checking and
 * counting are one step: each lookup holds one of the address's places while it runs and gives it
 * back if the code was right, so concurrent guesses cannot all pass the check before the first
 * wrong one is counted, and right codes never count. A lookup that finds the places held only by
 * lookups still running waits for them ({@link #PATIENCE}): a polling station's right code is not
 * refused because ten others behind the same address were being looked up at that moment.
 */
@Component
class CodeThrottle {

    static final int MAX_WRONG = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration PATIENCE = Duration.ofSeconds(2);

    private final RateLimiter wrong = new RateLimiter(MAX_WRONG, WINDOW);

    /**
     * One lookup of a code from the address: not admitted when the address is blocked; otherwise
     * {@link RateLimiter.Attempt#count()} if the code was wrong, and close it in any case.
     */
    RateLimiter.Attempt attempt(String address) {
        return wrong.attempt(ClientKey.of(address), PATIENCE);
    }

    /** Forgets all wrong attempts (e.g. after the office has checked a blocked polling station). */
    void clear() {
        wrong.clear();
    }
}
