package de.wahlwerk.server.pollcards;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Public polling-card requests are limited per client address (every submission counts, valid or
 * not): {@code wahlwerk.pollcards.requests-per-hour} (default 20) in a sliding hour. That is plenty
 * for a household and makes trying notice numbers or dates of birth in bulk pointless. Behind a
 * reverse proxy, the proxy must pass the client address (server.forward-headers-strategy).
 */
@Component
class RequestThrottle {

    static final Duration WINDOW = Duration.ofHours(1);

    private final int limit;
    private final ConcurrentHashMap<String, Deque<Instant>> seen = new ConcurrentHashMap<>();

    RequestThrottle(@Value("${wahlwerk.pollcards.requests-per-hour:20}") int limit) {
        this.limit = limit;
    }

    /** Counts a submission; false when the address has used up its hour (nothing is counted then). */
    boolean admit(String address) {
        Deque<Instant> q = seen.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (q) {
            Instant cutoff = Instant.now().minus(WINDOW);
            while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
                q.removeFirst();
            }
            if (q.size() >= limit) {
                return false;
            }
            q.addLast(Instant.now());
            return true;
        }
    }

    /** Seconds until the address may try again. */
    long retryAfter(String address) {
        Deque<Instant> q = seen.get(address);
        if (q == null) {
            return 0;
        }
        synchronized (q) {
            return q.isEmpty() ? 0 : Math.max(1, Duration.between(Instant.now(), q.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    int limit() {
        return limit;
    }

    void clear() {
        seen.clear();
    }
}
