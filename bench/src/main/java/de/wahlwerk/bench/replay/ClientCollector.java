package de.wahlwerk.bench.replay;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The replay client's own collector during the night. A pause of the client is counted into the
 * latency of every request in flight: under G1 the client paused for 25–112 ms every 7 s in the NRW
 * night (PERFORMANCE.md, session 22), in the range of the submission p99 it measures. So the replay
 * says how long its own collector stopped it, beside the latencies.
 */
final class ClientCollector {

    /** Collections and their accumulated time per collector bean, as the JVM counts them. */
    record Reading(Map<String, long[]> byBean) {}

    private ClientCollector() {}

    static Reading read() {
        Map<String, long[]> byBean = new LinkedHashMap<>();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            byBean.put(bean.getName(), new long[] {bean.getCollectionCount(), bean.getCollectionTime()});
        }
        return new Reading(byBean);
    }

    /**
     * "G1 Young Generation 28 in 1,412 ms, G1 Concurrent GC 0 in 0 ms, G1 Old Generation 0 in 0 ms":
     * the beans' collections and times between two readings. G1's young and old beans count its
     * pauses; its concurrent bean, like ZGC's cycles, work that runs beside the client's threads.
     */
    static String describe(Reading from, Reading to) {
        List<String> parts = new ArrayList<>();
        to.byBean().forEach((name, end) -> {
            long[] start = from.byBean().getOrDefault(name, new long[2]);
            parts.add(String.format(Locale.ROOT, "%s %d in %,d ms", name, end[0] - start[0], end[1] - start[1]));
        });
        return String.join(", ", parts);
    }
}
