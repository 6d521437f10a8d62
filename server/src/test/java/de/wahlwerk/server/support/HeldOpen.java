package de.wahlwerk.server.support;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.RoleGrant;
import de.wahlwerk.server.security.Scope;
import de.wahlwerk.server.security.StaffPrincipal;
import de.wahlwerk.server.security.TestAccounts;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service call made by a staff member in a transaction of its own thread, held open after the
 * call until {@link #commit()}: what another request does meanwhile meets its locks and must not
 * see its changes, which makes a check-then-act race certain instead of likely.
 */
public final class HeldOpen implements AutoCloseable {

    private final CountDownLatch ran = new CountDownLatch(1);
    private final CountDownLatch commit = new CountDownLatch(1);
    private final AtomicReference<Throwable> failed = new AtomicReference<>();
    private final Thread thread;

    private HeldOpen(TransactionTemplate transactions, TestAccounts.Account staff, Role role, Runnable call) {
        thread = Thread.ofPlatform().name("test-held-open").start(() -> {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    new StaffPrincipal(staff.id(), staff.username(), "Test " + role,
                            List.of(new RoleGrant(role, Scope.INSTALLATION))), null, List.of()));
            try {
                transactions.executeWithoutResult(status -> {
                    call.run();
                    ran.countDown();
                    try {
                        commit.await(30, TimeUnit.SECONDS); // done, not yet committed
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Throwable t) {
                failed.set(t);
            } finally {
                ran.countDown();
                SecurityContextHolder.clearContext();
            }
        });
    }

    /** Makes the call as {@code staff} with {@code role} for the whole installation; returns once it ran, uncommitted. */
    public static HeldOpen start(TransactionTemplate transactions, TestAccounts.Account staff, Role role, Runnable call)
            throws InterruptedException {
        HeldOpen held = new HeldOpen(transactions, staff, role, call);
        if (!held.ran.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("the held call did not finish within 10 s");
        }
        return held;
    }

    /** What a request sent while a call was held open met: whether it waited for a lock before the commit, its answer after. */
    public record Raced<T>(boolean waited, T answer) {}

    /**
     * Makes the call as in {@link #start}, sends the request while the call's transaction is open,
     * lets it commit once the request waits for an advisory lock of the key space {@code lockKeys}
     * (or has answered, or 5 s passed) and then waits for the answer. Fails if the call fails.
     */
    public static <T> Raced<T> race(TransactionTemplate transactions, TestAccounts.Account staff, Role role,
            Runnable call, JdbcClient jdbc, int lockKeys, Supplier<T> request) throws Exception {
        try (HeldOpen held = start(transactions, staff, role, call)) {
            held.requireNoFailure();
            CompletableFuture<T> answer = CompletableFuture.supplyAsync(request);
            boolean waited = eventually(() -> answer.isDone() || waitingForLock(jdbc, lockKeys), 5_000) && !answer.isDone();
            held.commit();
            held.requireNoFailure();
            return new Raced<>(waited, answer.get(30, TimeUnit.SECONDS));
        }
    }

    private void requireNoFailure() {
        if (failed.get() != null) {
            throw new AssertionError("the held call failed", failed.get());
        }
    }

    /** Lets the transaction commit and waits for it. */
    public void commit() throws InterruptedException {
        commit.countDown();
        thread.join(10_000);
    }

    @Override
    public void close() throws InterruptedException {
        commit();
    }

    /** Someone waits for an advisory lock of the key space (pg_locks shows a two-key lock as classid, objid). */
    public static boolean waitingForLock(JdbcClient jdbc, int keys) {
        return jdbc.sql("""
                select count(*) from pg_locks where locktype = 'advisory' and not granted
                and classid::bigint = :keys and objsubid = 2""").param("keys", keys)
                .query(Long.class).single() > 0;
    }

    /** Whether the condition holds within the time, polling every 20 ms. */
    public static boolean eventually(BooleanSupplier condition, long millis) throws InterruptedException {
        for (long until = System.currentTimeMillis() + millis; System.currentTimeMillis() < until; ) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
