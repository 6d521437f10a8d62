package de.wahlwerk.server.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Wrong unit codes are throttled per client address, so that codes cannot be guessed: at most
 * {@value #MAX_WRONG} wrong codes in {@link #WINDOW}, then every request is refused until the
 * window has passed.
 */
@Component
class CodeThrottle {

    static final int MAX_WRONG = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final ConcurrentHashMap<String, Deque<Instant>> wrong = new ConcurrentHashMap<>();

    boolean blocked(String address) {
        Deque<Instant> q = wrong.get(address);
        if (q == null) {
            return false;
        }
        synchronized (q) {
            prune(q);
            return q.size() >= MAX_WRONG;
        }
    }

    void wrongCode(String address) {
        Deque<Instant> q = wrong.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (q) {
            prune(q);
            q.addLast(Instant.now());
        }
    }

    /** Forgets all wrong attempts (e.g. after the office has checked a blocked polling station). */
    void clear() {
        wrong.clear();
    }

    private static void prune(Deque<Instant> q) {
        Instant cutoff = Instant.now().minus(WINDOW);
        while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
            q.removeFirst();
        }
    }
}
