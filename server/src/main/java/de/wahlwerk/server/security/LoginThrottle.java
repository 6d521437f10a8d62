package de.wahlwerk.server.security;

import de.wahlwerk.server.web.ClientKey;
import de.wahlwerk.server.web.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. Per account (stored, so it holds across nodes): after
 * {@value #FREE_FAILURES} failures each further one locks the account for twice as long, from 30
 * seconds up to 15 minutes. Per client address (in memory, per node; IPv6 by its /64, see
 * {@link ClientKey}): at most {@value #MAX_FAILURES_PER_ADDRESS} failures in {@link #ADDRESS_WINDOW}.
 * Only failures count — a town hall whose staff share one address must not lock itself out by
 * logging in — yet checking and counting are one step: every login holds one of the address's
 * places while it runs and gives it back if it succeeds, so concurrent guesses cannot all
 * pass the check before the first failure is counted.
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 30;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    private static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Clock clock;
    private final RateLimiter failuresByAddress;

    LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
        this.failuresByAddress = new RateLimiter(MAX_FAILURES_PER_ADDRESS, ADDRESS_WINDOW, RateLimiter.DEFAULT_MAX_KEYS,
                clock);
    }

    Instant now() {
        return clock.instant();
    }

    /** When the account is locked after this many consecutive failures, or null if it is not. */
    Instant lockUntil(int consecutiveFailures) {
        if (consecutiveFailures < FREE_FAILURES) {
            return null;
        }
        int exponent = Math.min(consecutiveFailures - FREE_FAILURES, 10);
        Duration lock = Duration.ofSeconds(30L << exponent);
        return now().plus(lock.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : lock);
    }

    /**
     * One login from the address: not admitted when the address is blocked; otherwise
     * {@link RateLimiter.Attempt#count()} on failure, and close it in any case. Logins still being
     * checked hold places; a login that finds only those in its way waits up to {@link #PATIENCE}
     * (a password hash takes a good part of a second, and the whole election office behind one
     * address signs in at once before 18:00).
     */
    RateLimiter.Attempt attempt(String address) {
        return failuresByAddress.attempt(ClientKey.of(address), PATIENCE);
    }
}
