package de.wahlwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.server.support.AllAtOnce;
import de.wahlwerk.server.support.HandClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The shared sliding-window limiter on a clock the test moves by hand. Every expected number
 * follows from the limit and window given in the test itself.
 */
class RateLimiterTest {

    private final HandClock clock = new HandClock(Instant.parse("2027-05-02T08:00:00Z"));

    @Test
    void theEventAtTheLimitExhaustsTheKeyUntilTheFirstIsAWindowOld() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10), 100, clock);
        limiter.tryAcquire("a");
        clock.advance(Duration.ofMinutes(1));
        limiter.tryAcquire("a");
        assertThat(limiter.exhausted("a")).isFalse(); // 2 of 3
        limiter.tryAcquire("a");
        assertThat(limiter.exhausted("a")).isTrue(); // 3 of 3
        assertThat(limiter.exhausted("b")).as("other keys are untouched").isFalse();

        // The first event happened at 0:00 and counts for ten minutes, up to but not including 0:10.
        clock.advance(Duration.ofMinutes(9).minusMillis(1)); // 0:09:59.999
        assertThat(limiter.exhausted("a")).isTrue();
        assertThat(limiter.retryAfterSeconds("a")).isEqualTo(1); // 1 ms, rounded up to a second
        clock.advance(Duration.ofMillis(1)); // 0:10:00
        assertThat(limiter.exhausted("a")).isFalse();
        assertThat(limiter.retryAfterSeconds("a")).isZero();
    }

    @Test
    void tryAcquireCountsOnlyWhatItAdmitsAndTellsWhenToRetry() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), 100, clock);
        assertThat(limiter.retryAfterSeconds("a")).as("an unknown key may act").isZero();
        assertThat(limiter.tryAcquire("a")).isTrue(); // 8:00
        clock.advance(Duration.ofMinutes(20));
        assertThat(limiter.tryAcquire("a")).isTrue(); // 8:20
        clock.advance(Duration.ofMinutes(10)); // 8:30
        assertThat(limiter.tryAcquire("a")).isFalse();
        // The 8:00 event stops counting at 9:00, 30 minutes from now.
        assertThat(limiter.retryAfterSeconds("a")).isEqualTo(30 * 60);
        // Refusals are not counted: at 9:00 exactly one slot is free again, and 8:20 holds the other.
        clock.advance(Duration.ofMinutes(30));
        assertThat(limiter.tryAcquire("a")).isTrue();
        assertThat(limiter.tryAcquire("a")).isFalse();
        assertThat(limiter.retryAfterSeconds("a")).isEqualTo(20 * 60); // 8:20 + 1 h − 9:00
    }

    @Test
    void anAttemptHoldsItsPlaceUntilClosedAndCountsOnlyWhenTold() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(10), 100, clock);
        try (RateLimiter.Attempt first = limiter.attempt("a"); RateLimiter.Attempt second = limiter.attempt("a")) {
            assertThat(first.admitted()).isTrue();
            assertThat(second.admitted()).isTrue();
            try (RateLimiter.Attempt third = limiter.attempt("a")) {
                assertThat(third.admitted()).as("both places are held").isFalse();
                third.count(); // a refused attempt counts nothing
            }
            assertThat(limiter.tryAcquire("a")).isFalse();
            assertThat(limiter.retryAfterSeconds("a")).as("only open attempts block").isEqualTo(1);
            first.close(); // a success: the place is given back
            clock.advance(Duration.ofMinutes(1)); // 8:01
            second.count(); // a failure, counted at 8:01
            second.count(); // once only
        }
        assertThat(limiter.exhausted("a")).isFalse(); // 1 of 2
        assertThat(limiter.tryAcquire("a")).isTrue(); // 8:01
        assertThat(limiter.retryAfterSeconds("a")).isEqualTo(10 * 60);
    }

    @Test
    void aKeyWithAnOpenAttemptIsNotSweptAway() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(1), 100, clock);
        try (RateLimiter.Attempt slow = limiter.attempt("slow")) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(limiter.tryAcquire("other")).isTrue(); // a new key sweeps idle keys
            assertThat(limiter.keys()).isEqualTo(2);
            slow.count();
        }
        assertThat(limiter.exhausted("slow")).isTrue();
    }

    @Test
    void fiftyAttemptsAtOnceAdmitExactlyTheLimitAndSuccessesGiveTheirPlacesBack() throws Exception {
        RateLimiter limiter = new RateLimiter(7, Duration.ofHours(1), 100, clock);
        assertThat(AllAtOnce.failingAttempts(50, () -> limiter.attempt("k"))).isEqualTo(7);
        assertThat(limiter.exhausted("k")).isTrue();

        AllAtOnce succeeding = new AllAtOnce(50);
        int admitted = succeeding.count(() -> {
            try (RateLimiter.Attempt attempt = limiter.attempt("s")) {
                succeeding.allDecided();
                return attempt.admitted();
            }
        });
        assertThat(admitted).as("at most 7 places, even for attempts that will succeed").isEqualTo(7);
        assertThat(limiter.exhausted("s")).as("no success was counted").isFalse();
        assertThat(limiter.keys()).as("the idle key is dropped when asked about").isEqualTo(1);
    }

    @Test
    void aPatientAttemptWaitsForOpenAttemptsButNotForCountedFailures() throws Exception {
        RateLimiter limiter = new RateLimiter(2, Duration.ofHours(1), 100, clock);
        RateLimiter.Attempt first = limiter.attempt("nat");
        RateLimiter.Attempt second = limiter.attempt("nat");
        assertThat(limiter.attempt("nat").admitted()).as("without patience: refused at once").isFalse();

        // Both places held by attempts still running: a patient third waits for one to end.
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> third = pool.submit(() -> {
                try (RateLimiter.Attempt a = limiter.attempt("nat", Duration.ofSeconds(20))) {
                    return a.admitted();
                }
            });
            Thread.sleep(200);
            assertThat(third.isDone()).as("still waiting while both places are held").isFalse();
            first.close(); // a right code: its place is given back
            assertThat(third.get(5, TimeUnit.SECONDS)).as("admitted once a place came free").isTrue();
        } finally {
            pool.shutdownNow();
        }

        // Two counted failures fill the places: a patient attempt is refused at once, not after its patience.
        second.count();
        limiter.attempt("nat").count();
        long start = System.nanoTime();
        assertThat(limiter.attempt("nat", Duration.ofSeconds(20)).admitted()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aPatientAttemptGivesUpAfterItsPatience() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 100, clock);
        try (RateLimiter.Attempt held = limiter.attempt("k")) {
            long start = System.nanoTime();
            assertThat(limiter.attempt("k", Duration.ofMillis(300)).admitted()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            assertThat(held.admitted()).isTrue();
        }
    }

    @Test
    void fiftyPatientSuccessesBehindOneAddressAreAllAdmittedAndFailuresStillStopAtTheLimit() throws Exception {
        RateLimiter limiter = new RateLimiter(7, Duration.ofHours(1), 100, clock);
        AllAtOnce succeeding = new AllAtOnce(50);
        int admitted = succeeding.count(() -> {
            try (RateLimiter.Attempt attempt = limiter.attempt("town-hall", Duration.ofSeconds(30))) {
                Thread.sleep(5); // the lookup or the password check
                return attempt.admitted();
            }
        });
        assertThat(admitted).as("every right code gets through, seven at a time").isEqualTo(50);

        AllAtOnce guessing = new AllAtOnce(50);
        int guesses = guessing.count(() -> {
            try (RateLimiter.Attempt attempt = limiter.attempt("guesser", Duration.ofSeconds(30))) {
                if (!attempt.admitted()) {
                    return false;
                }
                Thread.sleep(5);
                attempt.count(); // a wrong code
                return true;
            }
        });
        assertThat(guesses).as("wrong ones: still exactly the limit, the rest refused once they are counted").isEqualTo(7);
    }

    @Test
    void keysWhoseEventsExpiredAreDropped() {
        RateLimiter limiter = new RateLimiter(5, Duration.ofMinutes(1), 100, clock);
        for (int i = 0; i < 50; i++) {
            limiter.tryAcquire("old" + i);
        }
        assertThat(limiter.keys()).isEqualTo(50);
        clock.advance(Duration.ofMinutes(1));
        limiter.tryAcquire("new");
        assertThat(limiter.keys()).as("a new key sweeps the expired ones").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.exhausted("new")).isFalse();
        assertThat(limiter.keys()).as("asking about an expired key drops it").isZero();
    }

    @Test
    void cyclingKeysCannotGrowTheMapBeyondItsCap() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofHours(1), 10, clock);
        limiter.tryAcquire("kept");
        for (int i = 0; i < 9; i++) {
            limiter.tryAcquire("k" + i);
        }
        assertThat(limiter.keys()).isEqualTo(10);
        limiter.exhausted("kept"); // used recently: "k0" is now the least recently used key
        for (int i = 0; i < 10_000; i++) {
            limiter.tryAcquire("attacker" + i);
            assertThat(limiter.keys()).isLessThanOrEqualTo(10);
        }
        assertThat(limiter.exhausted("attacker9999")).isTrue();
        assertThat(limiter.exhausted("k0")).as("evicted, least recently used").isFalse();

        RateLimiter small = new RateLimiter(1, Duration.ofHours(1), 2, clock);
        small.tryAcquire("a");
        small.tryAcquire("b");
        small.exhausted("a"); // a used after b
        small.tryAcquire("c"); // evicts b, not a
        assertThat(small.exhausted("a")).isTrue();
        assertThat(small.exhausted("b")).isFalse();
        assertThat(small.exhausted("c")).isTrue();
    }

    @Test
    void manyThreadsOnOneKeyAreAdmittedExactlyLimitTimes() throws Exception {
        int threads = 16;
        int attemptsEach = 500;
        int limit = 1000; // fewer than the 8000 attempts, so some must be refused
        RateLimiter limiter = new RateLimiter(limit, Duration.ofHours(1), 100, clock);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < attemptsEach; i++) {
                        if (limiter.tryAcquire("shared")) {
                            admitted.incrementAndGet();
                        }
                        limiter.tryAcquire("own" + thread); // and keys of their own, concurrently
                        limiter.exhausted("own" + ((thread + 1) % threads));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admitted.get()).isEqualTo(limit);
        assertThat(limiter.keys()).isEqualTo(threads + 1);
        for (int t = 0; t < threads; t++) {
            assertThat(limiter.exhausted("own" + t)).isFalse(); // 500 recorded, limit 1000
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, Duration.ofMinutes(1), 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
