package de.wahlwerk.server.support;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.RoleGrant;
import de.wahlwerk.server.security.Scope;
import de.wahlwerk.server.security.StaffPrincipal;
import de.wahlwerk.server.security.TestAccounts;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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

    /** What the call (or its commit) threw, or null. */
    public Throwable failure() {
        return failed.get();
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
