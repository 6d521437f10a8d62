package de.wahlwerk.server.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} events per key (usually a client address) in a sliding {@code window}: an
 * event counts from the moment it happens until {@code window} later. In memory and per node.
 *
 * <p>Memory is bounded twice. Per key only the newest {@code limit} events are kept (older ones
 * cannot change any answer). Keys whose events have all expired are dropped as the limiter is used,
 * and at most {@code maxKeys} keys are held: a new key beyond that evicts the key used least
 * recently. Someone who cycles through more addresses than that can make the limiter forget the
 * oldest of them — but whoever controls that many addresses escapes a per-address limit anyway,
 * while the memory stays bounded.
 *
 * <p>Thread-safe; one lock per limiter (each call touches one key and takes microseconds).
 */
public final class RateLimiter {

    /** Enough for every household of a large city within one window. */
    public static final int DEFAULT_MAX_KEYS = 20_000;

    private final int limit;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    /** In access order: the eldest entry is the key used least recently. */
    private final LinkedHashMap<String, Events> keys = new LinkedHashMap<>(64, 0.75f, true);

    public RateLimiter(int limit, Duration window) {
        this(limit, window, DEFAULT_MAX_KEYS, Clock.systemUTC());
    }

    public RateLimiter(int limit, Duration window, int maxKeys, Clock clock) {
        if (limit < 1 || maxKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("limit, window and maxKeys must be positive");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Whether the key has used up its allowance in the window. */
    public synchronized boolean exhausted(String key) {
        long now = clock.millis();
        Events events = keys.get(key);
        if (events == null) {
            return false;
        }
        events.expire(now - windowMillis);
        if (events.size == 0) {
            keys.remove(key);
            return false;
        }
        return events.size >= limit;
    }

    /** Counts one event for the key, whether or not it is exhausted. */
    public synchronized void record(String key) {
        long now = clock.millis();
        events(key, now).add(now);
    }

    /** Counts one event unless the key is exhausted; false (and nothing counted) if it is. */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.millis();
        Events events = events(key, now);
        if (events.size >= limit) {
            return false;
        }
        events.add(now);
        return true;
    }

    /** Whole seconds (rounded up, at least 1) until the key may act again; 0 if it may now. */
    public synchronized long retryAfterSeconds(String key) {
        long now = clock.millis();
        Events events = keys.get(key);
        if (events == null) {
            return 0;
        }
        events.expire(now - windowMillis);
        if (events.size < limit) {
            return 0;
        }
        long millis = events.oldest() + windowMillis - now;
        return Math.max(1, (millis + 999) / 1000);
    }

    public int limit() {
        return limit;
    }

    /** How many keys are held now (for tests and monitoring). */
    public synchronized int keys() {
        return keys.size();
    }

    /** Forgets everything (tests, or an office that lifts a block). */
    public synchronized void clear() {
        keys.clear();
    }

    /** The key's events, expired ones removed; a new key first makes room. */
    private Events events(String key, long now) {
        long cutoff = now - windowMillis;
        Events events = keys.get(key);
        if (events == null) {
            sweep(cutoff);
            events = new Events(limit);
            keys.put(key, events);
        }
        events.expire(cutoff);
        return events;
    }

    /** Drops idle keys from the least recently used end, then evicts while the map is full. */
    private void sweep(long cutoff) {
        Iterator<Map.Entry<String, Events>> it = keys.entrySet().iterator();
        while (it.hasNext()) {
            Events eldest = it.next().getValue();
            eldest.expire(cutoff);
            if (eldest.size > 0 && keys.size() < maxKeys) {
                break;
            }
            it.remove();
        }
    }

    /** The newest events of one key, oldest first, in a ring of {@code limit} slots. */
    private static final class Events {

        private final long[] times;
        private int head;
        private int size;

        Events(int capacity) {
            times = new long[capacity];
        }

        void add(long time) {
            if (size == times.length) {
                head = (head + 1) % times.length; // the oldest can no longer matter
                size--;
            }
            times[(head + size) % times.length] = time;
            size++;
        }

        /** Removes events at or before the cutoff (they happened a full window ago). */
        void expire(long cutoff) {
            while (size > 0 && times[head] <= cutoff) {
                head = (head + 1) % times.length;
                size--;
            }
        }

        long oldest() {
            return times[head];
        }
    }
}
