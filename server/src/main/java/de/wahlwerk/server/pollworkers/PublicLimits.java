package de.wahlwerk.server.pollworkers;

import de.wahlwerk.server.web.RateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public poll-worker pages, per client address and kind of request: sign-ups
 * (against flooding the office with fake volunteers) and portal requests with an unknown token
 * (against guessing links, although 256 random bits make guessing hopeless anyway).
 */
@Component
class PublicLimits {

    enum Kind {
        SIGN_UP(5, Duration.ofHours(1)), WRONG_TOKEN(20, Duration.ofMinutes(15)), PORTAL(120, Duration.ofMinutes(15));

        final int max;
        final Duration window;

        Kind(int max, Duration window) {
            this.max = max;
            this.window = window;
        }
    }

    private final Map<Kind, RateLimiter> limiters = new EnumMap<>(Kind.class);

    PublicLimits() {
        for (Kind kind : Kind.values()) {
            limiters.put(kind, new RateLimiter(kind.max, kind.window));
        }
    }

    /** Whether the address has used up the kind's allowance in the window. */
    boolean exhausted(Kind kind, String address) {
        return limiters.get(kind).exhausted(address);
    }

    void count(Kind kind, String address) {
        limiters.get(kind).record(address);
    }

    /** Forgets everything (tests, or an office that lifts a block). */
    void clear() {
        limiters.values().forEach(RateLimiter::clear);
    }
}
