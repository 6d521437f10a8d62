package de.wahlwerk.server.pollworkers;

import de.wahlwerk.server.web.ClientKey;
import de.wahlwerk.server.web.RateLimiter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public poll-worker pages, per client address and kind of request: sign-ups
 * (against flooding the office with fake volunteers) and portal requests with an unknown token
 * (against guessing links, although 256 random bits make guessing hopeless anyway). IPv6 clients
 * are keyed by their /64 ({@link ClientKey}). Every check counts in the same step: sign-ups and
 * portal requests through {@link #tryAcquire}, token lookups through an {@link #attempt} that
 * counts only when the token was wrong — so concurrent requests cannot all pass before one counts.
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

    /** Counts a request of the kind; false (nothing counted) when the address has used up its window. */
    boolean tryAcquire(Kind kind, String address) {
        return limiters.get(kind).tryAcquire(ClientKey.of(address));
    }

    /**
     * A request whose outcome decides whether it counts (a token lookup): not admitted when the
     * address has used up its window; otherwise {@link RateLimiter.Attempt#count()} if it failed,
     * and close it in any case.
     */
    RateLimiter.Attempt attempt(Kind kind, String address) {
        return limiters.get(kind).attempt(ClientKey.of(address));
    }

    /** Forgets everything (tests, or an office that lifts a block). */
    void clear() {
        limiters.values().forEach(RateLimiter::clear);
    }
}
