package de.wahlwerk.server.pollworkers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the public poll-worker pages, per client address and kind of request: sign-ups
 * (against flooding the office with fake volunteers) and portal requests with an unknown token
 * (against guessing links, although 256 random bits make guessing hopeless anyway).
 */
@Component
class PublicLimits {

    enum Kind {
        SIGN_UP(5, Duration.ofHours(1)), WRONG_TOKEN(20, Duration.ofMinutes(15)), PORTAL(120, Duration.ofMinutes(15));

        final int max;
        final Duration window;

        Kind(int max, Duration window) {
            this.max = max;
            this.window = window;
        }
    }

    private final ConcurrentHashMap<String, Deque<Instant>> seen = new ConcurrentHashMap<>();

    /** Whether the address has used up the kind's allowance in the window. */
    boolean exhausted(Kind kind, String address) {
        Deque<Instant> q = seen.get(kind + "|" + address);
        if (q == null) {
            return false;
        }
        synchronized (q) {
            prune(q, kind);
            return q.size() >= kind.max;
        }
    }

    void count(Kind kind, String address) {
        Deque<Instant> q = seen.computeIfAbsent(kind + "|" + address, a -> new ArrayDeque<>());
        synchronized (q) {
            prune(q, kind);
            q.addLast(Instant.now());
        }
    }

    /** Forgets everything (tests, or an office that lifts a block). */
    void clear() {
        seen.clear();
    }

    private static void prune(Deque<Instant> q, Kind kind) {
        Instant cutoff = Instant.now().minus(kind.window);
        while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
            q.removeFirst();
        }
    }
}
