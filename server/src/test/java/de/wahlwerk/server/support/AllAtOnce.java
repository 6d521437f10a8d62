package de.wahlwerk.server.support;

import de.wahlwerk.server.web.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one task on many threads that start at the same moment, for tests of limits under
 * concurrency. {@link #allDecided()} lets a task that was admitted wait until every thread has
 * passed its own check, so that a check and a later count in two steps would let every thread
 * through — the race such tests must catch, made certain instead of likely.
 */
public final class AllAtOnce {

    private final int threads;
    private final CountDownLatch start = new CountDownLatch(1);
    private final CountDownLatch decided;

    public AllAtOnce(int threads) {
        this.threads = threads;
        this.decided = new CountDownLatch(threads);
    }

    /** Marks this thread's check as done (admitted or not). */
    public void decided() {
        decided.countDown();
    }

    /** Marks this thread's check as done and waits (at most 30 s) until every thread's is. */
    public void allDecided() throws InterruptedException {
        decided.countDown();
        decided.await(30, TimeUnit.SECONDS);
    }

    /**
     * Every thread takes an attempt whose outcome is a failure (a wrong password, a wrong code);
     * an admitted one counts its failure only once every thread's attempt has been checked. How
     * many were admitted.
     */
    public static int failingAttempts(int threads, Supplier<RateLimiter.Attempt> attempts) throws Exception {
        AllAtOnce all = new AllAtOnce(threads);
        return all.count(() -> {
            try (RateLimiter.Attempt attempt = attempts.get()) {
                if (!attempt.admitted()) {
                    all.decided();
                    return false;
                }
                all.allDecided();
                attempt.count();
                return true;
            }
        });
    }

    /**
     * Runs different tasks, each on its own thread, starting at the same moment (two people
     * pressing their buttons at once); their answers in the order of the tasks.
     */
    @SafeVarargs
    public static <T> List<T> together(Callable<T>... tasks) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (Callable<T> task : tasks) {
                results.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : results) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the task on every thread at once; how many answered true. */
    public int count(Callable<Boolean> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            int yes = 0;
            for (Future<Boolean> f : results) {
                if (f.get(60, TimeUnit.SECONDS)) {
                    yes++;
                }
            }
            return yes;
        } finally {
            pool.shutdownNow();
        }
    }
}
