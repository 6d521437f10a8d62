package de.wahlwerk.server.entry;

import de.wahlwerk.server.web.RateLimiter;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Wrong unit codes are throttled per client address, so that codes cannot be guessed: at most
 * {@value #MAX_WRONG} wrong codes in {@link #WINDOW}, then every request is refused until the
 * window has passed.
 */
@Component
class CodeThrottle {

    static final int MAX_WRONG = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimiter wrong = new RateLimiter(MAX_WRONG, WINDOW);

    boolean blocked(String address) {
        return wrong.exhausted(address);
    }

    void wrongCode(String address) {
        wrong.record(address);
    }

    /** Forgets all wrong attempts (e.g. after the office has checked a blocked polling station). */
    void clear() {
        wrong.clear();
    }
}
