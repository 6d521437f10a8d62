package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueTimingTest {

    @Test
    void readsTheWaitForATurnFromServerTiming() {
        assertThat(QueueTiming.nanos(Map.of("server-timing", List.of("queue;dur=12.3")))).isEqualTo(12_300_000);
        assertThat(QueueTiming.nanos(Map.of("server-timing", List.of("queue;dur=0.0")))).isZero();
        assertThat(QueueTiming.nanos(Map.of("server-timing", List.of("db;dur=4, queue;dur=250")))).isEqualTo(250_000_000);
        assertThat(QueueTiming.nanos(Map.of("server-timing", List.of("cache;desc=hit", "queue;dur=1.5")))).isEqualTo(1_500_000);
    }

    @Test
    void withoutTheHeaderTheWaitIsUnknown() {
        assertThat(QueueTiming.nanos(Map.of())).isEqualTo(-1);
        assertThat(QueueTiming.nanos(Map.of("server-timing", List.of("db;dur=4")))).isEqualTo(-1);
        assertThat(QueueTiming.nanos(Map.of("server-timing", List.of("myqueue;dur=4")))).isEqualTo(-1);
    }
}
