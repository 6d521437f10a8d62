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
 * <p>Memory is bounded twice. Per key at most {@code limit} events are held (no more are ever
 * admitted). Keys whose events have all expired are dropped as the limiter is used, and at most
 * {@code maxKeys} keys are held: a new key beyond that evicts the key used least recently. Someone who cycles through more addresses than that can make the limiter forget the
 * oldest of them — but whoever controls that many addresses escapes a per-address limit anyway,
 * while the memory stays bounded.
 *
 * <p>Two ways to count atomically, so that concurrent requests cannot all pass a check before any
 * of them is counted: {@link #tryAcquire} counts every admitted event at once (for limits on every
 * request); {@link #attempt} reserves a place for an outcome not yet known and counts it only if
 * the caller says so (for limits on failures: a failed login or a wrong code counts, a success
 * gives its place back). While an attempt is open its place is taken, so at most {@code limit}
 * counted events and open attempts exist per key at any moment.
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

    /** Whether the key has used up its allowance in the window (open attempts included). */
    public synchronized boolean exhausted(String key) {
        long now = clock.millis();
        Events events = keys.get(key);
        if (events == null) {
            return false;
        }
        events.expire(now - windowMillis);
        if (events.idle()) {
            keys.remove(key);
            return false;
        }
        return events.taken() >= limit;
    }

    /**
     * Counts one event unless the key is exhausted; false (and nothing counted) if it is. There is
     * deliberately no way to count without this check: a check and a count in two calls would let
     * concurrent requests all pass before any of them is counted.
     */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.millis();
        Events events = events(key, now);
        if (events.taken() >= limit) {
            return false;
        }
        events.add(now);
        return true;
    }

    /**
     * Reserves a place for one event of the key unless the key is exhausted. The caller must close
     * the attempt (try-with-resources): {@link Attempt#count()} turns the place into an event at
     * that moment, closing without counting gives it back. A refused attempt reserves nothing.
     */
    public synchronized Attempt attempt(String key) {
        long now = clock.millis();
        Events events = events(key, now);
        if (events.taken() >= limit) {
            return new Attempt(null);
        }
        events.pending++;
        return new Attempt(events);
    }

    /**
     * As {@link #attempt(String)}, but where only open attempts fill the key's places (right codes,
     * correct passwords still being checked), waits up to {@code patience} for one of them to end
     * instead of refusing at once. Many people behind one address (a town hall, a carrier-grade NAT
     * of a mobile network at 18:00) then queue for milliseconds instead of being told "too many";
     * the limit itself is unchanged: never more than {@code limit} places counted and open. A key
     * whose counted failures fill its places is refused at once.
     */
    public synchronized Attempt attempt(String key, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            long now = clock.millis();
            Events events = events(key, now);
            if (events.taken() < limit) {
                events.pending++;
                return new Attempt(events);
            }
            long waitNanos = deadline - System.nanoTime();
            if (events.size >= limit || waitNanos <= 0) {
                return new Attempt(null);
            }
            try {
                // Woken when an attempt ends; the map may have changed meanwhile, so look again.
                wait(Math.max(1, waitNanos / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Attempt(null);
            }
        }
    }

    /** Whole seconds (rounded up, at least 1) until the key may act again; 0 if it may now. */
    public synchronized long retryAfterSeconds(String key) {
        long now = clock.millis();
        Events events = keys.get(key);
        if (events == null) {
            return 0;
        }
        events.expire(now - windowMillis);
        int mustExpire = events.taken() - limit + 1;
        if (mustExpire <= 0) {
            return 0;
        }
        if (mustExpire > events.size) {
            return 1; // only open attempts stand in the way, and they end within a request
        }
        long millis = events.at(mustExpire - 1) + windowMillis - now;
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
            if (!eldest.idle() && keys.size() < maxKeys) {
                break;
            }
            it.remove();
        }
    }

    /**
     * One reserved place of a key, or a refusal. Used by one thread; closing it without
     * {@link #count()} gives the place back.
     */
    public final class Attempt implements AutoCloseable {

        /** Null when refused; otherwise the key's events, whose pending count holds this place. */
        private final Events events;
        private boolean open;

        private Attempt(Events events) {
            this.events = events;
            this.open = events != null;
        }

        /** Whether the key had room: false means the caller must refuse the request. */
        public boolean admitted() {
            return events != null;
        }

        /** Counts the reserved place as an event now (a failure, a wrong code); at most once. */
        public void count() {
            synchronized (RateLimiter.this) {
                if (open) {
                    open = false;
                    events.pending--;
                    events.add(clock.millis());
                    RateLimiter.this.notifyAll();
                }
            }
        }

        /** Gives the place back unless it was counted. */
        @Override
        public void close() {
            synchronized (RateLimiter.this) {
                if (open) {
                    open = false;
                    events.pending--;
                    RateLimiter.this.notifyAll();
                }
            }
        }
    }

    /**
     * The events of one key in the window, oldest first, in a ring of {@code limit} slots, and the number
     * of places held by open attempts.
     */
    private static final class Events {

        private final long[] times;
        private int head;
        private int size;
        private int pending;

        Events(int capacity) {
            times = new long[capacity];
        }

        /** Only called with a free slot: events and open attempts never exceed {@code limit}. */
        void add(long time) {
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

        /** The i-th oldest event still held. */
        long at(int i) {
            return times[(head + i) % times.length];
        }

        /** Places used: events in the window and open attempts. */
        int taken() {
            return size + pending;
        }

        boolean idle() {
            return size == 0 && pending == 0;
        }
    }
}
