package de.wahlwerk.server.pollworkers;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.AllAtOnce;
import de.wahlwerk.server.web.RateLimiter;
import org.junit.jupiter.api.Test;

/** The public poll-worker limits: every kind checked and counted in one step. */
class PublicLimitsTest {

    private final PublicLimits limits = new PublicLimits();

    @Test
    void fiftySignUpsAtOnceAreAdmittedAtMostTheLimitTimes() throws Exception {
        AllAtOnce signUps = new AllAtOnce(50);
        int admitted = signUps.count(() -> {
            boolean counted = limits.tryAcquire(PublicLimits.Kind.SIGN_UP, "192.0.2.1");
            signUps.allDecided();
            return counted;
        });
        assertThat(admitted).isEqualTo(PublicLimits.Kind.SIGN_UP.max);
        assertThat(limits.tryAcquire(PublicLimits.Kind.SIGN_UP, "192.0.2.2")).as("another address").isTrue();
    }

    @Test
    void fiftyWrongTokensAtOnceAreLookedUpAtMostTheLimitTimes() throws Exception {
        int lookedUp = AllAtOnce.failingAttempts(50, () -> limits.attempt(PublicLimits.Kind.WRONG_TOKEN, "192.0.2.1"));
        assertThat(lookedUp).isEqualTo(PublicLimits.Kind.WRONG_TOKEN.max);
    }

    @Test
    void rightTokensDoNotCountAsWrongAndIpv6SharesItsSlash64() {
        for (int i = 0; i < 2 * PublicLimits.Kind.WRONG_TOKEN.max; i++) {
            try (RateLimiter.Attempt lookup = limits.attempt(PublicLimits.Kind.WRONG_TOKEN, "192.0.2.1")) {
                assertThat(lookup.admitted()).isTrue();
            }
        }
        for (int i = 0; i < PublicLimits.Kind.SIGN_UP.max; i++) {
            assertThat(limits.tryAcquire(PublicLimits.Kind.SIGN_UP, "2001:db8:5:6::" + (i + 1))).isTrue();
        }
        assertThat(limits.tryAcquire(PublicLimits.Kind.SIGN_UP, "2001:db8:5:6::ab")).isFalse();
        assertThat(limits.tryAcquire(PublicLimits.Kind.SIGN_UP, "::ffff:192.0.2.1")).as("mapped IPv4").isTrue();
    }
}
