package de.wahlwerk.server.results;

import de.wahlwerk.server.entry.ReportChanged;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the tallies current: at once for confirmations made on this node (after commit), and for
 * other nodes through PostgreSQL LISTEN/NOTIFY on channel {@code wahlwerk_report}. Every few
 * seconds it catches up anyway, so a lost notification delays a node but never leaves it behind.
 * On {@code wahlwerk_setup} it hears of structural changes made on any node (see SetupChanged).
 */
@Component
class ReportNotifications implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReportNotifications.class);
    private static final int POLL_MS = 2_000;

    private final LiveTallies tallies;
    private final DataSource dataSource;
    private final ResultEvents events;
    private final boolean serving;
    private volatile boolean running = true;
    private Thread listener;

    ReportNotifications(LiveTallies tallies, DataSource dataSource, ResultEvents events,
            de.wahlwerk.server.ops.WahlwerkProperties properties) {
        this.serving = properties.serving();
        this.tallies = tallies;
        this.dataSource = dataSource;
        this.events = events;
    }

    @TransactionalEventListener
    void changedHere(ReportChanged event) {
        // Only a confirmation changes a tally; an entry waiting for approval or a rejection does
        // not, and asking the database for confirmations after each of them was one query per
        // district of a night for nothing.
        if (event.sequence() > 0) {
            tallies.catchUpSoon();
        }
        events.changed(event.electionId());
    }

    @EventListener
    void start(ApplicationReadyEvent ready) {
        if (!serving) {
            return;
        }
        listener = Thread.ofVirtual().name("wahlwerk-report-listener").start(this::listen);
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("LISTEN " + ReportChanged.CHANNEL);
                st.execute("LISTEN " + de.wahlwerk.server.setup.SetupChanged.CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    var notifications = pg.getNotifications(POLL_MS);
                    if (notifications != null) {
                        for (var n : notifications) {
                            if (n.getName().equals(de.wahlwerk.server.setup.SetupChanged.CHANNEL)) {
                                // Another node (or this one) changed a day's structure: rebuild its tallies.
                                setupChanged(n.getParameter());
                            }
                        }
                    }
                    tallies.catchUp();
                    if (notifications != null && notifications.length > 0) {
                        events.changedAll();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("Listening for report notifications failed ({}); retrying", e.getMessage());
                    try {
                        Thread.sleep(POLL_MS);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private void setupChanged(String day) {
        try {
            tallies.setupChanged(new de.wahlwerk.server.setup.SetupChanged(Long.parseLong(day)));
        } catch (NumberFormatException notOurs) {
            log.warn("Ignoring a setup notification with payload {}", day);
        }
    }

    @Override
    public void destroy() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
