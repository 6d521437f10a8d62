package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BusiestRateTest {

    @Test
    void aBurstInsideOneWindowSetsThePeak() {
        List<Double> t = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            t.add(i * 100.0); // one every 100 s
        }
        for (int i = 0; i < 30; i++) {
            t.add(500.5 + i); // 30 within 30 s, plus the one at 500 s
        }
        Collections.shuffle(t, new Random(1));
        assertThat(Replay.busiestRate(t, 60)).isEqualTo(31 / 60.0);
        assertThat(Replay.busiestRate(List.of(), 60)).isZero();
        assertThat(Replay.busiestRate(List.of(0.0, 60.0), 60)).as("a window is 60 s, not 60 s and a moment").isEqualTo(1 / 60.0);
    }

    @Test
    void equalsCountingEveryWindowThatStartsAtAnArrival() {
        Random r = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Double> t = new ArrayList<>();
            int n = r.nextInt(300);
            for (int i = 0; i < n; i++) {
                t.add(r.nextDouble() * 600);
            }
            double window = 1 + r.nextInt(90);
            int most = 0;
            for (double start : t) {
                int in = 0;
                for (double x : t) {
                    if (x >= start && x < start + window) {
                        in++;
                    }
                }
                most = Math.max(most, in);
            }
            assertThat(Replay.busiestRate(t, window)).isEqualTo(most / window);
        }
    }
}
