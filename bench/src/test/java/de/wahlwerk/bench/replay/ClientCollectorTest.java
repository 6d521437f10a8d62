package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client's collector between two readings: counts and times per bean, as differences. */
class ClientCollectorTest {

    @Test
    void differencesPerBean() {
        Map<String, long[]> night = new LinkedHashMap<>();
        night.put("G1 Young Generation", new long[] {12, 400});
        Map<String, long[]> end = new LinkedHashMap<>();
        end.put("G1 Young Generation", new long[] {40, 1_812});
        end.put("G1 Old Generation", new long[] {1, 250});
        assertThat(ClientCollector.describe(new ClientCollector.Reading(night), new ClientCollector.Reading(end)))
                .isEqualTo("G1 Young Generation 28 in 1,412 ms, G1 Old Generation 1 in 250 ms");
    }

    @Test
    void readsThisJvmsCollectors() {
        System.gc();
        ClientCollector.Reading reading = ClientCollector.read();
        assertThat(reading.byBean()).isNotEmpty();
        assertThat(reading.byBean().values().stream().mapToLong(c -> c[0]).sum()).as("collections so far").isPositive();
    }
}
