package de.wahlwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.HandClock;
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
            throttle.addressFailed("192.0.2.1");
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(throttle.addressBlocked("192.0.2.1")).isFalse(); // 29 of 30
        throttle.addressFailed("192.0.2.1");
        assertThat(throttle.addressBlocked("192.0.2.1")).isTrue();
        assertThat(throttle.addressBlocked("192.0.2.2")).as("another address").isFalse();
        // The first failure counts for ADDRESS_WINDOW (10 minutes); then 29 remain.
        clock.advance(Duration.between(clock.instant(), first.plus(LoginThrottle.ADDRESS_WINDOW)).minusMillis(1));
        assertThat(throttle.addressBlocked("192.0.2.1")).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.addressBlocked("192.0.2.1")).isFalse();
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
}
