package de.wahlwerk.server.pollcards;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.AllAtOnce;
import org.junit.jupiter.api.Test;

/** Public polling-card requests per address: every submission counts, checked and counted in one step. */
class RequestThrottleTest {

    private final RequestThrottle throttle = new RequestThrottle(20);

    @Test
    void fiftyRequestsAtOnceAreAdmittedAtMostTheLimitTimes() throws Exception {
        AllAtOnce requests = new AllAtOnce(50);
        int admitted = requests.count(() -> {
            boolean counted = throttle.admit("192.0.2.1");
            requests.allDecided();
            return counted;
        });
        assertThat(admitted).isEqualTo(20);
        assertThat(throttle.retryAfter("192.0.2.1")).isPositive();
    }

    @Test
    void ipv6RequestsShareTheBudgetOfTheirSlash64() {
        for (int i = 0; i < 20; i++) {
            assertThat(throttle.admit("2001:db8:7:8::" + Integer.toHexString(i + 1))).isTrue();
        }
        assertThat(throttle.admit("2001:db8:7:8:1:2:3:4")).isFalse();
        assertThat(throttle.retryAfter("2001:db8:7:8::99")).isEqualTo(RequestThrottle.WINDOW.toSeconds());
        assertThat(throttle.admit("2001:db8:7:9::1")).isTrue();
    }
}
