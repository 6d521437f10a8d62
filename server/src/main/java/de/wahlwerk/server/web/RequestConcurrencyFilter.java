package de.wahlwerk.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a fixed number of staff requests work at once; the others wait here for their turn, before
 * any session, security or database work (ADR 0011). Sixty clerks' requests at once on a node with
 * two cores do not finish sooner than eight at a time; they wait for each other's locks and for the
 * cores, and the publisher waits for connections behind them. NRW replay (docs/PERFORMANCE.md):
 * the same night time with the limit (124.5 s against 125.5–132.6 s), submission p99 237 instead
 * of 288–343 ms, confirmed → JSON p99 184 instead of 481–749 ms. The publisher's threads do not
 * come here and keep their connections.
 *
 * <p>A request that waited {@link #maxWaitMillis} without a turn gets 503 with Retry-After: the
 * node is overloaded, and the client sends the same request again later (with its idempotency
 * key, for reports). Public pages never come here; they are served before, from memory.
 *
 * <p>Every request that got its turn says how long it waited in a {@code Server-Timing} header
 * ({@code queue;dur=…}); the replay reports submission latency with and without it.
 */
public final class RequestConcurrencyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestConcurrencyFilter.class);
    static final String RETRY_AFTER_SECONDS = "5";
    /** The public live feed's path; {@code publish.LiveFeed} serves it. */
    public static final String PUBLIC_LIVE_FEED = "/wahlen-live/";
    /** The health check's path ({@code health.HealthController}). */
    public static final String HEALTH = "/health";

    /** The response header that names the wait for a turn ({@code queue;dur=<ms>}, W3C Server Timing). */
    public static final String SERVER_TIMING = "Server-Timing";

    private final Semaphore turns;
    private final int limit;
    private final long maxWaitMillis;

    public RequestConcurrencyFilter(int limit, long maxWaitMillis) {
        if (limit < 1) {
            throw new IllegalArgumentException("at least one request at a time: " + limit);
        }
        if (maxWaitMillis < 0) {
            throw new IllegalArgumentException("wahlwerk.max-request-wait-ms must be 0 or more, is " + maxWaitMillis);
        }
        this.limit = limit;
        // Fair: under a steady overload the longest waiting request goes next, none waits for good.
        this.turns = new Semaphore(limit, true);
        this.maxWaitMillis = maxWaitMillis;
    }

    /** How many requests may work at once; for tests. */
    int limit() {
        return limit;
    }

    /** Requests working now; for tests. */
    int working() {
        return limit - turns.availablePermits();
    }

    /** {@code queue;dur=} with the wait in milliseconds to a tenth (the header's unit). */
    static String queueTiming(long waitedNanos) {
        long tenths = Math.max(0, waitedNanos) / 100_000;
        return "queue;dur=" + tenths / 10 + "." + tenths % 10;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Style sheets and scripts cost microseconds and must not queue behind reports; neither
        // must the public's live feed, which subscribes in memory (LiveFeed) and
        // is asked for by thousands of readers at 18:00, nor the load balancer's health check,
        // which must answer within its own time limit on a busy node (health.HealthController).
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/favicon.ico")
                || path.startsWith(PUBLIC_LIVE_FEED) || path.equals(HEALTH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean turn;
        long asked = System.nanoTime();
        try {
            turn = turns.tryAcquire(maxWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            log.warn("{} {} waited {} ms for one of {} turns, answered with 503", request.getMethod(), request.getRequestURI(),
                    maxWaitMillis, limit);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        // How long this request waited for its turn, in the standard header a browser's developer
        // tools show: under overload a client's latency is mostly this queue, not the work.
        response.setHeader(SERVER_TIMING, queueTiming(System.nanoTime() - asked));
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }
}
