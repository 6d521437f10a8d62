package de.wahlwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.AllAtOnce;
import de.wahlwerk.server.support.HandClock;
import de.wahlwerk.server.web.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Login throttling by address (shared limiter) and by account (doubling locks), on a hand-moved clock. */
class LoginThrottleTest {

    private final HandClock clock = new HandClock(Instant.parse("2027-05-02T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void anAddressIsBlockedAfterThirtyFailuresForTenMinutesFromTheFirst() {
        Instant first = clock.instant();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS - 1; i++) {
            fail("192.0.2.1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(admitted("192.0.2.1")).isTrue(); // 29 of 30
        fail("192.0.2.1");
        assertThat(admitted("192.0.2.1")).isFalse();
        assertThat(admitted("192.0.2.2")).as("another address").isTrue();
        // The first failure counts for ADDRESS_WINDOW (10 minutes); then 29 remain.
        clock.advance(Duration.between(clock.instant(), first.plus(LoginThrottle.ADDRESS_WINDOW)).minusMillis(1));
        assertThat(admitted("192.0.2.1")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(admitted("192.0.2.1")).isTrue();
    }

    @Test
    void successfulLoginsNeverCountSoOneTownHallBehindOneAddressKeepsLoggingIn() {
        for (int i = 0; i < 10 * LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            try (RateLimiter.Attempt login = throttle.attempt("192.0.2.1")) {
                assertThat(login.admitted()).isTrue();
            } // closed without a failure
        }
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS - 1; i++) {
            fail("192.0.2.1");
        }
        assertThat(admitted("192.0.2.1")).as("29 failures, 300 successes").isTrue();
    }

    @Test
    void fiftyFailedLoginsAtOnceAreAdmittedAtMostThirtyTimes() throws Exception {
        int admitted = AllAtOnce.failingAttempts(50, () -> throttle.attempt("192.0.2.1"));
        assertThat(admitted).isEqualTo(LoginThrottle.MAX_FAILURES_PER_ADDRESS);
        assertThat(admitted("192.0.2.1")).isFalse();
    }

    @Test
    void ipv6ClientsShareTheBudgetOfTheirSlash64AndMappedIpv4IsIpv4() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            fail("2001:db8:1:2::" + Integer.toHexString(i + 1)); // a new address for every guess
        }
        assertThat(admitted("2001:db8:1:2:abcd::1")).as("same /64").isFalse();
        assertThat(admitted("2001:db8:1:3::1")).as("next /64").isTrue();

        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            fail("::ffff:192.0.2.7");
        }
        assertThat(admitted("192.0.2.7")).isFalse();
        assertThat(admitted("192.0.2.8")).as("IPv4 stays per address").isTrue();
    }

    @Test
    void accountLocksDoubleFromThirtySecondsAfterFiveFailuresUpToFifteenMinutes() {
        Instant now = clock.instant();
        assertThat(throttle.lockUntil(LoginThrottle.FREE_FAILURES - 1)).isNull();
        assertThat(throttle.lockUntil(5)).isEqualTo(now.plusSeconds(30));
        assertThat(throttle.lockUntil(6)).isEqualTo(now.plusSeconds(60));
        assertThat(throttle.lockUntil(9)).isEqualTo(now.plusSeconds(480)); // 30 · 2⁴
        assertThat(throttle.lockUntil(10)).isEqualTo(now.plusSeconds(900)); // 30 · 2⁵ = 960 > 15 min
        assertThat(throttle.lockUntil(1_000)).isEqualTo(now.plusSeconds(900));
    }

    private void fail(String address) {
        try (RateLimiter.Attempt login = throttle.attempt(address)) {
            assertThat(login.admitted()).isTrue();
            login.count();
        }
    }

    /** Whether a login from the address would be let through (and then succeeds, counting nothing). */
    private boolean admitted(String address) {
        try (RateLimiter.Attempt login = throttle.attempt(address)) {
            return login.admitted();
        }
    }
}
