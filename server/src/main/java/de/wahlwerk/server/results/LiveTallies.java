package de.wahlwerk.server.results;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.tally.ApplyOutcome;
import de.wahlwerk.core.tally.LatestReport;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.core.tally.TallyEvent;
import de.wahlwerk.server.entry.ConfirmedReports;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The in-memory tallies of this node, one per election, built from the database on first use and
 * then kept current by applying confirmations in the order of their global sequence number. Every
 * node does the same, so all nodes converge on the same state; a node that missed a notification
 * catches up from the sequence it has reached.
 */
@Component
public class LiveTallies implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveTallies.class);
    private static final int BATCH = 5_000;

    private final ConfirmedReports confirmed;
    private final SetupDirectory setup;
    private final TallyStructures structures;
    private final ConcurrentHashMap<Long, Tally> tallies = new ConcurrentHashMap<>();
    /**
     * The kind of each election with a tally, as it was when the tally was built: every applied
     * confirmation needs it to read its form's letters, and reading the election for each one was
     * a statement per district of the night. A set-up change of its day drops both.
     */
    private final ConcurrentHashMap<Long, de.wahlwerk.core.model.ElectionKind> kinds = new ConcurrentHashMap<>();
    /**
     * Single writer of all tallies. Fair, so that the publisher waiting in {@link #catchUp} gets its
     * turn between two passes of the background thread ({@code tryLock} still barges, which is what
     * a request thread wants).
     */
    private final ReentrantLock writer = new ReentrantLock(true);
    /** A confirmation was committed that a catch-up under way may not have read yet. */
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean handedOver = new AtomicBoolean();
    /** A platform thread of its own: it holds no connection while it waits for the writer. */
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("wahlwerk-tally").daemon().factory());

    LiveTallies(ConfirmedReports confirmed, SetupDirectory setup, TallyStructures structures) {
        this.confirmed = confirmed;
        this.setup = setup;
        this.structures = structures;
    }

    /** The election's tally, current as of the last catch-up. */
    public Tally tally(long electionId) {
        Tally t = tallies.get(electionId);
        if (t != null) {
            return t;
        }
        writer.lock();
        try {
            t = tallies.computeIfAbsent(electionId, this::rebuild);
        } finally {
            writer.unlock();
        }
        if (pending.get()) {
            handOver();
        }
        return t;
    }

    /** Rebuilds from the database (start-up, or after the structure changed). */
    public void forget(long electionId) {
        tallies.remove(electionId);
        kinds.remove(electionId);
    }

    /**
     * The day's areas, districts or nominations changed: its tallies are built again on next use.
     * Without this a district added or counted with a neighbour after the tally was built would
     * only be noticed when its first report failed to apply, at the busiest moment of the night
     * (the national replay showed a full rebuild and re-rendering of every page at the first report).
     */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void setupChanged(de.wahlwerk.server.setup.SetupChanged event) {
        for (Long id : List.copyOf(tallies.keySet())) {
            if (setup.election(id).map(e -> e.electionDayId() == event.dayId()).orElse(true)) {
                tallies.remove(id);
                kinds.remove(id);
            }
        }
    }

    /**
     * The confirmation number every tally of this node has applied, at most {@code committed}
     * (a node without tallies yet has nothing to catch up). Reads no lock and no database.
     */
    public long appliedUpTo(long committed) {
        long applied = committed;
        for (Tally t : tallies.values()) {
            applied = Math.min(applied, t.sequence());
        }
        return applied;
    }

    /**
     * Whether every tally of this node has applied the confirmations up to {@code sequence}. A tally
     * not built yet counts as current: it is built from the database, with everything committed by
     * then, when it is first used. Reads no lock and no database.
     */
    public boolean reached(long sequence) {
        for (Tally t : tallies.values()) {
            if (t.sequence() < sequence) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies every confirmation committed before the call, waiting for the writer. Only for threads
     * that hold no pooled connection while they wait (publisher, listener, the tally's own
     * background thread, and a staff request before its handler runs, see OwnConfirmations).
     * <p>
     * One pass, never "until nothing is pending": on a busy night every request marks work pending,
     * and the publisher, looping until the flag stayed clear, chased the tail of the stream for up to
     * 43 s (NRW replay) while nothing was published. What arrives during the pass goes to the
     * background thread, which releases the writer between its passes.
     */
    public void catchUp() {
        pending.set(true);
        long asked = System.nanoTime();
        writer.lock();
        try {
            // If another thread consumed the flag after it was set above, its pass began after this
            // call and read everything committed before it: nothing is left to do here.
            if (pending.getAndSet(false)) {
                long locked = System.nanoTime();
                int applied = applyAll();
                if (log.isDebugEnabled()) {
                    log.debug("Catch-up on {}: waited {} ms for the writer, applied {} confirmations in {} ms",
                            Thread.currentThread().getName(), (locked - asked) / 1_000_000, applied,
                            (System.nanoTime() - locked) / 1_000_000);
                }
            }
        } finally {
            writer.unlock();
        }
        if (pending.get()) {
            handOver();
        }
    }

    /**
     * For a request thread right after its commit, which still holds its connection: it must never
     * wait for the writer, because the writer may itself be waiting for a pooled connection (with
     * every request of a busy night parked here, the pool ran dry and all entry stopped for the
     * 30-second connection timeout). If the writer is free it applies what is committed now, once;
     * whatever is still pending then (another thread held the writer, or more arrived) goes to the
     * tally's background thread, so no request ends up doing everyone's catch-up.
     */
    public void catchUpSoon() {
        pending.set(true);
        if (writer.tryLock()) {
            try {
                if (pending.getAndSet(false)) {
                    applyAll();
                }
            } finally {
                writer.unlock();
            }
        }
        if (pending.get()) {
            handOver();
        }
    }

    /** Runs a blocking catch-up on the background thread; calls while one is queued coalesce. */
    private void handOver() {
        if (handedOver.compareAndSet(false, true)) {
            try {
                background.execute(() -> {
                    handedOver.set(false);
                    try {
                        catchUp();
                    } catch (RuntimeException e) {
                        // The listener's poll retries within 2 s (e.g. while the database restarts).
                        log.warn("Tally catch-up failed, retried by the next poll: {}", e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                handedOver.set(false);
            }
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }

    /** Applies what is committed now; returns how many confirmations were read. */
    private int applyAll() {
        if (tallies.isEmpty()) {
            return 0;
        }
        int read = 0;
        long from = tallies.values().stream().mapToLong(Tally::sequence).min().orElse(0);
        List<ConfirmedReports.Version> batch;
        do {
            batch = confirmed.since(from, BATCH);
            read += batch.size();
            for (ConfirmedReports.Version v : batch) {
                for (var e : new ArrayList<>(tallies.entrySet())) {
                    apply(e.getKey(), e.getValue(), v);
                }
                from = v.sequence();
            }
        } while (batch.size() == BATCH);
        return read;
    }

    private void apply(long electionId, Tally tally, ConfirmedReports.Version v) {
        if (v.sequence() <= tally.sequence()) {
            return;
        }
        TallyEvent event = v.electionId() == electionId
                ? new TallyEvent.ReportConfirmed(v.sequence(), v.unitKey(),
                        FormLetters.toCounts(kinds.computeIfAbsent(electionId, id -> election(id).kind()), v.values()))
                : new TallyEvent.NoChange(v.sequence());
        ApplyOutcome outcome;
        try {
            outcome = tally.apply(event);
        } catch (RuntimeException e) {
            // The setup changed after the tally was built (a unit added, moved or renamed): build anew
            // from the database, which includes this confirmation, instead of freezing the results.
            log.warn("Tally of election {} could not apply sequence {} ({}); rebuilding", electionId, v.sequence(),
                    e.getMessage());
            tallies.put(electionId, rebuild(electionId));
            return;
        }
        if (outcome instanceof ApplyOutcome.Gap gap) {
            // Cannot happen with the counter-row sequence; rebuild rather than show wrong numbers.
            log.warn("Tally of election {} saw a gap {}–{}; rebuilding", electionId, gap.firstMissing(), gap.lastMissing());
            tallies.put(electionId, rebuild(electionId));
        }
    }

    private Tally rebuild(long electionId) {
        Election election = election(electionId);
        kinds.put(electionId, election.kind());
        long started = System.nanoTime();
        var snapshot = confirmed.snapshot(electionId);
        List<LatestReport> reports = snapshot.current().stream()
                .map(v -> new LatestReport(v.unitKey(), FormLetters.toCounts(election.kind(), v.values())))
                .toList();
        Tally t = Tally.rebuild(structures.build(election), reports, snapshot.sequence());
        log.info("Tally of election {} rebuilt from {} reports in {} ms", electionId, reports.size(),
                (System.nanoTime() - started) / 1_000_000);
        return t;
    }

    private Election election(long id) {
        return setup.election(id).orElseThrow(() -> new NotFoundException("election", id));
    }
}
