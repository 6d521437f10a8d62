package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The rule for how many more districts an area needs before its projection is made anew, at its
 * edges: 1 % (at least one) below a thousand districts, 5 % from a thousand on.
 * {@link ProjectionThrottleIT} shows the real {@link LiveAnalysis} keeping to it.
 */
class ProjectionStepTest {

    @Test
    void onePercentAtLeastOneBelowAThousandDistricts() {
        assertThat(LiveAnalysis.step(1)).isEqualTo(1);
        assertThat(LiveAnalysis.step(80)).isEqualTo(1);
        assertThat(LiveAnalysis.step(199)).isEqualTo(1);
        assertThat(LiveAnalysis.step(200)).isEqualTo(2);
        assertThat(LiveAnalysis.step(999)).isEqualTo(9);
    }

    @Test
    void fivePercentFromAThousandDistricts() {
        assertThat(LiveAnalysis.step(1_000)).isEqualTo(50);
        assertThat(LiveAnalysis.step(1_039)).isEqualTo(51);
        assertThat(LiveAnalysis.step(90_000)).isEqualTo(4_500);
    }
}
