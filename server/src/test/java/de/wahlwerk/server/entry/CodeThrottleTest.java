package de.wahlwerk.server.entry;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.AllAtOnce;
import de.wahlwerk.server.web.RateLimiter;
import org.junit.jupiter.api.Test;

/** Wrong unit codes per address: checked and counted in one step, right codes never counted. */
class CodeThrottleTest {

    private final CodeThrottle throttle = new CodeThrottle();

    @Test
    void fiftyWrongCodesAtOnceAreLookedUpAtMostTheLimitTimes() throws Exception {
        int lookedUp = AllAtOnce.failingAttempts(50, () -> throttle.attempt("192.0.2.1"));
        assertThat(lookedUp).isEqualTo(CodeThrottle.MAX_WRONG);
        try (RateLimiter.Attempt next = throttle.attempt("192.0.2.1")) {
            assertThat(next.admitted()).isFalse();
        }
    }

    @Test
    void rightCodesDoNotCountAndIpv6IsKeyedByItsSlash64() {
        for (int i = 0; i < 3 * CodeThrottle.MAX_WRONG; i++) {
            try (RateLimiter.Attempt lookup = throttle.attempt("2001:db8::1")) {
                assertThat(lookup.admitted()).as("right code %d", i).isTrue();
            }
        }
        for (int i = 0; i < CodeThrottle.MAX_WRONG; i++) {
            try (RateLimiter.Attempt lookup = throttle.attempt("2001:db8::" + (i + 2))) {
                assertThat(lookup.admitted()).isTrue();
                lookup.count();
            }
        }
        try (RateLimiter.Attempt same = throttle.attempt("2001:db8::ffff");
                RateLimiter.Attempt other = throttle.attempt("2001:db8:0:1::1")) {
            assertThat(same.admitted()).as("same /64").isFalse();
            assertThat(other.admitted()).as("another /64").isTrue();
        }
    }
}
