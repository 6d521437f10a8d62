package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request limit with real threads: how many work at once, who waits, who gets 503. */
class RequestConcurrencyFilterTest {

    /** A request on a thread of its own that takes a turn, counts {@code entered} down and works until {@code release}. */
    static Thread holdTurn(RequestConcurrencyFilter filter, CountDownLatch entered, CountDownLatch release) {
        return Thread.ofVirtual().start(() -> {
            try {
                filter.doFilter(post("/api/entry/reports/1/approve"), new MockHttpServletResponse(), (req, res) -> {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static MockHttpServletRequest post(String path) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", path);
        r.setRequestURI(path);
        return r;
    }

    @Test
    void noMoreThanTheLimitWorkAtOnceAndTheOthersWaitTheirTurn() throws Exception {
        RequestConcurrencyFilter filter = new RequestConcurrencyFilter(2, 10_000);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        FilterChain chain = (req, res) -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        };
        List<Future<Integer>> answers = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                answers.add(threads.submit(() -> {
                    MockHttpServletResponse res = new MockHttpServletResponse();
                    filter.doFilter(post("/api/entry/elections/1/reports"), res, chain);
                    return res.getStatus();
                }));
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (inside.get() < 2 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            Thread.sleep(100); // the four others had time to get in, if the limit let them
            assertThat(inside.get()).isEqualTo(2);
            assertThat(filter.working()).isEqualTo(2);
            release.countDown();
            for (Future<Integer> a : answers) {
                assertThat(a.get(10, TimeUnit.SECONDS)).isEqualTo(200);
            }
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(filter.working()).isZero();
    }

    @Test
    void eachRequestSaysHowLongItWaitedForItsTurn() throws Exception {
        RequestConcurrencyFilter filter = new RequestConcurrencyFilter(1, 10_000);
        MockHttpServletResponse first = new MockHttpServletResponse();
        filter.doFilter(post("/api/entry/elections/1/reports"), first, (req, res) -> {});
        assertThat(first.getHeader("Server-Timing")).as("nobody ahead").matches("queue;dur=\\d+\\.\\d");
        assertThat(Double.parseDouble(first.getHeader("Server-Timing").substring("queue;dur=".length()))).isLessThan(100.0);

        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holdTurn(filter, entered, release);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        MockHttpServletResponse waited = new MockHttpServletResponse();
        filter.doFilter(post("/api/entry/elections/1/reports"), waited, (req, res) -> {});
        holder.join();
        double ms = Double.parseDouble(waited.getHeader("Server-Timing").substring("queue;dur=".length()));
        assertThat(ms).as("waited behind the request holding the only turn").isBetween(250.0, 5_000.0);
    }

    @Test
    void theWaitIsWrittenInMillisecondsToATenth() {
        assertThat(RequestConcurrencyFilter.queueTiming(0)).isEqualTo("queue;dur=0.0");
        assertThat(RequestConcurrencyFilter.queueTiming(99_999)).isEqualTo("queue;dur=0.0");
        assertThat(RequestConcurrencyFilter.queueTiming(1_250_000)).isEqualTo("queue;dur=1.2");
        assertThat(RequestConcurrencyFilter.queueTiming(12_345_678_901L)).isEqualTo("queue;dur=12345.6");
        assertThat(RequestConcurrencyFilter.queueTiming(-5)).isEqualTo("queue;dur=0.0");
    }

    @Test
    void aRequestWithoutATurnInTimeGets503WithRetryAfterAndIsNotWorkedOn() throws Exception {
        RequestConcurrencyFilter filter = new RequestConcurrencyFilter(1, 200);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = holdTurn(filter, entered, release);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
        AtomicInteger worked = new AtomicInteger();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        long started = System.nanoTime();
        filter.doFilter(post("/api/entry/elections/1/reports"), refused, (req, res) -> worked.incrementAndGet());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(190);
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
        assertThat(refused.getHeader("Server-Timing")).as("no turn, no wait to tell").isNull();
        assertThat(worked.get()).isZero();

        // Style sheets, scripts, the public live feed and the health check never queue behind reports.
        List<String> skipping = List.of("/css/app.css", "/js/entry.js", "/favicon.ico", "/wahlen-live/7", "/health");
        for (String path : skipping) {
            MockHttpServletResponse res = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", path), res, (req, r) -> worked.incrementAndGet());
            assertThat(res.getStatus()).as(path).isEqualTo(200);
        }
        assertThat(worked.get()).isEqualTo(skipping.size());
        release.countDown();
        holder.join(5_000);
        assertThat(filter.working()).isZero();
    }

    @Test
    void aFailingRequestGivesItsTurnBack() throws Exception {
        RequestConcurrencyFilter filter = new RequestConcurrencyFilter(1, 200);
        assertThatThrownBy(() -> filter.doFilter(post("/api/setup/days"), new MockHttpServletResponse(), (req, res) -> {
            throw new IllegalStateException("failed");
        })).hasMessage("failed");
        assertThat(filter.working()).isZero();
        MockHttpServletResponse next = new MockHttpServletResponse();
        filter.doFilter(post("/api/setup/days"), next, (req, res) -> { });
        assertThat(next.getStatus()).isEqualTo(200);
    }

    @Test
    void aLimitBelowOneOrANegativeWaitIsRefused() {
        assertThatThrownBy(() -> new RequestConcurrencyFilter(0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestConcurrencyFilter(8, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-request-wait-ms");
    }
}
