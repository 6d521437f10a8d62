package de.wahlwerk.server.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national replay stopped all entry for 30-second stretches: every request, right after its
 * commit and still holding its pooled connection, waited for the tally writer, while the writer
 * (the publisher catching up) waited for a pooled connection. Here as many threads as the pool has
 * connections do what a committing request does, while the publisher's catch-up runs in a loop:
 * nobody may wait for a connection, and the catch-up must never time out.
 */
class TallyWriterContentionIT extends IntegrationTest {

    @Autowired
    LiveTallies tallies;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void requestsHoldingConnectionsNeverWaitForTheTallyWriter() throws Exception {
        long election = jdbc.sql("select e.id from election e join election_day d on d.id = e.election_day_id "
                + "where d.name = :n and e.name = 'Bundestagswahl 2025'").param("n", DemoElection.DAY_NAME)
                .query(Long.class).single();
        tallies.tally(election); // built, so that every catch-up reads the confirmations table
        int pool = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);

        Thread publisher = Thread.ofPlatform().name("test-publisher").start(() -> {
            while (running.get()) {
                try {
                    tallies.catchUp();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        });
        List<Thread> requests = new ArrayList<>();
        // As many request threads as the pool has connections: between them they can hold all of
        // them, as the parked requests did, while the publisher needs one.
        for (int i = 0; i < pool; i++) {
            requests.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() - until < 0) {
                    try {
                        transactions.executeWithoutResult(status -> {
                            jdbc.sql("select 1").query(Integer.class).single(); // the request's connection is held
                            tallies.catchUpSoon();
                        });
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }));
        }
        for (Thread t : requests) {
            assertThat(t.join(java.time.Duration.ofSeconds(30))).as("a request thread still runs after 30 s").isTrue();
        }
        running.set(false);
        assertThat(publisher.join(java.time.Duration.ofSeconds(30))).isTrue();
        assertThat(failures).as("connection timeouts while waiting for the tally writer").isEmpty();
    }

    /**
     * The NRW replay showed the publisher's catch-up taking up to 43 s: it looped until no request
     * had marked work pending, which on a busy night never happens. While requests keep committing,
     * one catch-up must still return promptly, and the tally must then be current.
     */
    @Test
    void theBlockingCatchUpDoesNotChaseRequestsThatKeepArriving() throws Exception {
        long election = jdbc.sql("select e.id from election e join election_day d on d.id = e.election_day_id "
                + "where d.name = :n and e.name = 'Bundestagswahl 2025'").param("n", DemoElection.DAY_NAME)
                .query(Long.class).single();
        tallies.tally(election);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    tallies.catchUpSoon();
                }
            }));
        }
        try {
            Thread.sleep(200);
            for (int round = 0; round < 5; round++) {
                long started = System.nanoTime();
                tallies.catchUp();
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                assertThat(ms).as("one blocking catch-up while requests keep arriving (ms)").isLessThan(3_000);
            }
        } finally {
            running.set(false);
            for (Thread t : requests) {
                t.join();
            }
        }
        long committed = jdbc.sql("select value from report_sequence where id = 1").query(Long.class).single();
        tallies.catchUp();
        assertThat(tallies.tally(election).sequence()).isEqualTo(committed);
    }
}
