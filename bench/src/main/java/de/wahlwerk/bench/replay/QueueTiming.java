package de.wahlwerk.bench.replay;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a staff request waited on the node for its turn (ADR 0011), from the answer's
 * {@code Server-Timing: queue;dur=<ms>} header. Under overload a client's latency is mostly that
 * queue (Little's law: the requests in flight over the rate); what is left is the request's own
 * time on the node and the way there and back.
 */
final class QueueTiming {

    private static final Pattern QUEUE = Pattern.compile("(?:^|,)\\s*queue;dur=([0-9]+(?:\\.[0-9]+)?)");

    private QueueTiming() {}

    /** The wait in nanoseconds; -1 where the answer does not tell (an older node, a refused request). */
    static long nanos(Map<String, List<String>> headers) {
        for (String value : headers.getOrDefault("server-timing", List.of())) {
            Matcher m = QUEUE.matcher(value);
            if (m.find()) {
                return Math.round(Double.parseDouble(m.group(1)) * 1_000_000);
            }
        }
        return -1;
    }
}
