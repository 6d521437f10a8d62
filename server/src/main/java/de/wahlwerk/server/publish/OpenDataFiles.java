package de.wahlwerk.server.publish;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.entry.ConfirmedReports;
import de.wahlwerk.server.results.LiveTallies;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.core.tally.Tally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data files of every published area, next to its page and JSON: the votemanager /
 * OK.VOTE CSV layout that newsrooms' tools already read (docs/formats/open-data.md).
 *
 * <p>Per area {@code /wahlen/<election>/<hierarchy>/<key>/}: {@code votemanager-gebiet.csv} (the
 * area's total, one row), {@code votemanager-wahlbezirke.csv} (one row per polling and postal
 * district below it) and, when the area has sub-areas, {@code votemanager-teilgebiete.csv} (one
 * row per sub-area). Per election {@code /wahlen/<election>/nist-1500-100.json}: the NIST SP 1500-100
 * Election Results Common Data Format, and {@code index.json} listing the areas and their files; the
 * list of elections at {@code /wahlen/index.json}; the OpenAPI description at
 * {@code /wahlen/openapi.yaml}. Built from confirmed reports only, once per change of the
 * election's numbers.
 */
@Component
class OpenDataFiles implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OpenDataFiles.class);

    static final String CSV = "text/csv;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";
    /** NIST SP 1500-100 v2 Election Results Common Data Format, below the election's folder. */
    static final String NIST = "nist-1500-100.json";
    static final String YAML = "application/yaml;charset=UTF-8";
    static final String OPENAPI = PublicReadFilter.PREFIX + "openapi.yaml";
    /**
     * Longest rest between two batches of open-data files (they lag the pages by at most this much
     * more). At 5 s a national batch (over 1.25 s) outgrew the rest and open data took more than its
     * fifth of a core in the replay.
     */
    static final long MAX_PAUSE_MS = 30_000;
    /**
     * Shortest time from one batch to the next: a batch per second at most, so that a steady
     * stream of confirmations costs open data a few cheap batches instead of a fifth of a core.
     */
    static final long MIN_PERIOD_MS = 1_000;
    /** Election-wide files take at most this share of open data's working time (one in twenty). */
    static final int ELECTION_FILES_SPACING = 20;
    /**
     * Default of {@code wahlwerk.open-data.large-district-file}: an area with more districts below
     * it than this has its district file built with the election-wide files, at their spacing.
     * Nationally the federal file has 90,000 rows and each state's thousands; built and compressed
     * with every batch, they were written anew about once a second while every constituency changed.
     * A city's district file, and a constituency's, stay below it and follow every change.
     */
    static final int LARGE_DISTRICT_FILE = 5_000;

    private final SetupDirectory setup;
    private final LiveTallies tallies;
    private final ConfirmedReports confirmed;
    private final Snapshots snapshots;
    private final JsonMapper json;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    /** Rows of the last publication per election, and which of its areas have their files. */
    private final Map<Long, Built> built = new HashMap<>();
    /** Entries of the public election list, by election id. */
    private final Map<Long, Map<String, Object>> elections = new TreeMap<>();
    /** Areas waiting for their files, latest snapshot per area; a burst coalesces. */
    private final Map<List<Object>, Pending> pending = new java.util.LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();
    /** Per election, when its election-wide files may be built again (System.nanoTime()). */
    private final Map<Long, Long> electionFilesDueAt = new HashMap<>();
    /** Elections whose election-wide files wait for that time. */
    private final Map<Long, Election> deferred = new java.util.LinkedHashMap<>();
    /**
     * Builds the files; below the request threads' priority where the installation asks for it
     * (ADR 0009), so a platform thread: only those have a nice value of their own.
     */
    private final java.util.concurrent.ExecutorService worker;
    private final int largeDistrictFile;

    /**
     * The rows of one election as of {@code sequence}, kept current in place from the confirmations
     * since; {@code tally} is the tally they were built for (a rebuilt tally, e.g. after units were
     * added, builds them anew).
     */
    private static final class Built {
        final Tally tally;
        final OpenDataRows rows;
        /** Areas whose files show these rows (the election-wide files: {@code null} key). */
        final java.util.Set<AreaRef> done = new java.util.HashSet<>();
        /** Areas whose large district file waits for the election-wide files. */
        final java.util.Set<AreaRef> largeDistrictFiles = new java.util.LinkedHashSet<>();
        long sequence;
        /** The Offene-Wahldaten files of these rows, once their describing files are published. */
        OffeneWahldatenFiles owd;

        Built(Tally tally, OpenDataRows rows, long sequence) {
            this.tally = tally;
            this.rows = rows;
            this.sequence = sequence;
        }

        OpenDataRows rows() {
            return rows;
        }

        java.util.Set<AreaRef> done() {
            return done;
        }

        /** Whether an election-wide file or a large district file lags behind these rows. */
        boolean electionFilesStale() {
            return !done.contains(null) || !largeDistrictFiles.isEmpty();
        }
    }

    private static final int SINCE_BATCH = 5_000;

    OpenDataFiles(SetupDirectory setup, LiveTallies tallies, ConfirmedReports confirmed, Snapshots snapshots,
            JsonMapper json, Optional<Clock> clock, org.springframework.context.MessageSource messages,
            de.wahlwerk.server.ops.WahlwerkProperties properties,
            @org.springframework.beans.factory.annotation.Value("${wahlwerk.open-data.large-district-file:" + LARGE_DISTRICT_FILE + "}") int largeDistrictFile) {
        if (largeDistrictFile < 1) {
            throw new IllegalArgumentException("wahlwerk.open-data.large-district-file must be at least 1, is " + largeDistrictFile);
        }
        this.largeDistrictFile = largeDistrictFile;
        this.worker = java.util.concurrent.Executors.newSingleThreadExecutor(
                de.wahlwerk.server.ops.BackgroundThreads.named("wahlwerk-open-data", properties.backgroundNice()));
        this.setup = setup;
        this.messages = messages;
        this.tallies = tallies;
        this.confirmed = confirmed;
        this.snapshots = snapshots;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Queues the open-data files of one area (called by the public site for every area it renders).
     * They are written on a thread of their own, so that pages and their JSON never wait for them.
     */
    void publish(Election e, AreaSnapshot area) {
        synchronized (pending) {
            pending.put(List.of(e.id(), area.area().ref()), new Pending(e, area));
        }
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private record Pending(Election election, AreaSnapshot area) {}

    private void drain() {
        try {
            while (true) {
                List<Pending> batch;
                synchronized (pending) {
                    batch = List.copyOf(pending.values());
                    pending.clear();
                }
                if (batch.isEmpty()) {
                    long wait = publishDueElectionFiles();
                    if (wait < 0) {
                        break;
                    }
                    // Election-wide files wait for their turn; new area files are not kept waiting.
                    Thread.sleep(Math.max(1, Math.min(wait / 1_000_000, 200)));
                    continue;
                }
                long started = System.nanoTime();
                for (Pending p : batch) {
                    publishSafely(p.election(), p.area());
                }
                // While confirmations keep coming, rest four times as long as the batch took, so
                // that open data uses at most a fifth of a core and entry and the pages keep the
                // rest (profiled in the replay: at a third it was still the biggest consumer);
                // what arrives meanwhile coalesces into the next batch.
                // Election-wide files that are due go out now too: under a steady stream a batch is
                // never empty, and an election no longer receiving area files would wait for good.
                publishDueElectionFiles();
                long took = (System.nanoTime() - started) / 1_000_000;
                long pause = Math.min(MAX_PAUSE_MS, Math.max(4 * took, MIN_PERIOD_MS - took));
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            scheduled.set(false);
            boolean more;
            synchronized (pending) {
                more = !pending.isEmpty();
            }
            if (more && scheduled.compareAndSet(false, true)) {
                try {
                    worker.execute(this::drain);
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    scheduled.set(false);
                }
            }
        }
    }

    /**
     * Publishes the deferred election-wide files that are due; returns the nanoseconds until the
     * next one is, or -1 when none waits.
     */
    private synchronized long publishDueElectionFiles() {
        long next = -1;
        for (Election e : List.copyOf(deferred.values())) {
            Long due = electionFilesDueAt.get(e.id());
            long wait = due == null ? 0 : due - System.nanoTime();
            if (wait <= 0) {
                try {
                    Built b = current(e);
                    if (b.electionFilesStale()) {
                        electionFiles(e, b);
                    }
                } catch (RuntimeException ex) {
                    log.warn("Open data of election {} not published: {}", e.id(), ex.toString());
                }
                deferred.remove(e.id());
            } else {
                next = next < 0 ? wait : Math.min(next, wait);
            }
        }
        return next;
    }

    private synchronized void publishSafely(Election e, AreaSnapshot area) {
        try {
            publishFiles(e, area);
        } catch (RuntimeException ex) {
            // Open data must never keep the pages from being published; the last files stay online.
            log.warn("Open data of election {} area {} not published: {}", e.id(), area.area().ref(), ex.toString());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private void publishFiles(Election e, AreaSnapshot area) {
        Built b = current(e);
        OpenDataRows rows = b.rows();
        AreaRef ref = area.area().ref();
        // Already there when its files show these numbers: no rendering, no compression.
        if (b.done().add(ref)) {
            String dir = directory(e, ref);
            snapshots.put(dir + "votemanager-gebiet.csv", PublishedPage.of(rows.areaFile(ref), CSV));
            if (rows.unitCountBelow(ref) > largeDistrictFile) {
                b.largeDistrictFiles.add(ref);
            } else {
                snapshots.put(dir + "votemanager-wahlbezirke.csv", PublishedPage.of(rows.unitsFile(ref), CSV));
            }
            String children = rows.childrenFile(ref);
            if (children != null) {
                snapshots.put(dir + "votemanager-teilgebiete.csv", PublishedPage.of(children, CSV));
            }
        }
        if (b.electionFilesStale()) {
            Long due = electionFilesDueAt.get(e.id());
            if (due == null || System.nanoTime() - due >= 0) {
                electionFiles(e, b);
            } else {
                deferred.put(e.id(), e);
            }
        }
    }

    private static String directory(Election e, AreaRef ref) {
        return PublicSite.base(e) + ref.hierarchy().code() + "/" + ref.key() + "/";
    }

    /**
     * The election-wide files and the large district files, and when they may be built next: a
     * national NIST report lists every count of 90,000 districts (tens of megabytes), so it is
     * rebuilt at most once per twenty times its build time (about once a minute); a town's takes
     * milliseconds and follows every change.
     */
    private void electionFiles(Election e, Built b) {
        long started = System.nanoTime();
        for (AreaRef ref : b.largeDistrictFiles) {
            snapshots.put(directory(e, ref) + "votemanager-wahlbezirke.csv", PublishedPage.of(b.rows().unitsFile(ref), CSV));
        }
        b.largeDistrictFiles.clear();
        // The describing Offene-Wahldaten files are built once per setup, not per change: their
        // time would otherwise hold back the next results by twenty times as much.
        long once = b.done().add(null) ? publishElection(e, b) : 0;
        long took = System.nanoTime() - started - once;
        electionFilesDueAt.put(e.id(), System.nanoTime() + ELECTION_FILES_SPACING * took);
        deferred.remove(e.id());
    }

    /**
     * The files about the whole election, once per change of its numbers (at most as often as the
     * NIST report: both are election-wide and share its spacing). The index goes last, so that it
     * never lists a file not yet there. Returns the nanoseconds spent on files built once per setup.
     */
    private long publishElection(Election e, Built b) {
        OpenDataRows rows = b.rows();
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(PublicSite.ZONE));
        Tally tally = tallies.tally(e.id());
        snapshots.put(PublicSite.base(e) + NIST, PublishedPage.of(json.writeValueAsBytes(NistReport.of(rows, tally, now)), JSON));
        long once = publishOffeneWahldaten(e, b, now);
        snapshots.put(PublicSite.base(e) + "index.json", PublishedPage.of(json.writeValueAsString(
                OpenDataIndex.election(e, rows, tally, b.owd, now.toLocalDateTime())), JSON));
        elections.put(e.id(), OpenDataIndex.entry(e, rows));
        snapshots.put(PublicReadFilter.PREFIX + "index.json", PublishedPage.of(json.writeValueAsString(
                Map.of("elections", List.copyOf(elections.values()))), JSON));
        return once;
    }

    /**
     * The Offene-Wahldaten files (draft 0.3): the four describing ones once per build of the rows
     * (they change only with the setup), the result file with every change of the numbers. Returns
     * the nanoseconds spent on the describing files (0 when they were there already).
     */
    private long publishOffeneWahldaten(Election e, Built b, OffsetDateTime now) {
        if (!OffeneWahldatenFiles.supports(e)) {
            return 0;
        }
        String base = PublicSite.base(e);
        long once = 0;
        if (b.owd == null) {
            long started = System.nanoTime();
            Map<Long, List<de.wahlwerk.core.model.Candidate>> candidates = new HashMap<>();
            for (Nomination n : b.rows().input().nominations()) {
                candidates.put(n.id(), setup.candidates(n.id()));
            }
            OffeneWahldatenFiles owd = OffeneWahldatenFiles.of(b.rows(), setup.organiser(e.electionDayId()).orElse(null),
                    candidates, level -> messages.getMessage("areaLevel." + level.name(), null, java.util.Locale.GERMAN),
                    now.toLocalDateTime());
            owd.describing().forEach((type, text) ->
                    snapshots.put(base + OffeneWahldatenFiles.path(type), PublishedPage.of(text, CSV)));
            b.owd = owd;
            once = System.nanoTime() - started;
        }
        snapshots.put(base + OffeneWahldatenFiles.path(de.wahlwerk.core.formats.OffeneWahldatenWriter.FileType.WAHLERGEBNISSE),
                PublishedPage.of(b.owd.results(), CSV));
        return once;
    }

    /** The API description, at a stable path next to the data it describes. */
    @EventListener
    void describe(ApplicationReadyEvent ready) throws IOException {
        try (var in = new ClassPathResource("publish/openapi.yaml").getInputStream()) {
            snapshots.put(OPENAPI, PublishedPage.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), YAML));
        }
    }

    /** The election's rows as of its current tally, shared by all its areas. */
    synchronized OpenDataRows rows(Election e) {
        return current(e).rows();
    }

    /**
     * The rows as of the tally's sequence or newer. Built once from every confirmed report; after
     * that only the confirmations since are read and only their rows replaced (at 90,000 districts,
     * reading every report again per batch was the open-data thread's biggest cost). The files of
     * the areas above a changed unit are due again; the others stay as they are.
     */
    private Built current(Election e) {
        Tally tally = tallies.tally(e.id());
        Built b = built.get(e.id());
        if (b == null || b.tally != tally) {
            ConfirmedReports.Snapshot all = confirmed.snapshot(e.id());
            Map<String, Map<String, Long>> values = new HashMap<>();
            Map<String, java.time.Instant> entered = new HashMap<>();
            for (ConfirmedReports.Version v : all.current()) {
                values.put(v.unitKey(), v.values());
                entered.put(v.unitKey(), v.enteredAt());
            }
            b = new Built(tally, build(e, tally, values, entered), all.sequence());
            built.put(e.id(), b);
            return b;
        }
        List<ConfirmedReports.Version> batch;
        while (b.sequence < tally.sequence()) {
            batch = confirmed.since(b.sequence, SINCE_BATCH);
            for (ConfirmedReports.Version v : batch) {
                if (v.electionId() == e.id()) {
                    b.done.removeAll(b.rows.update(v.unitKey(), v.values(), v.enteredAt()));
                    b.done.remove(null);
                }
                b.sequence = v.sequence();
            }
            if (batch.size() < SINCE_BATCH) {
                break;
            }
        }
        return b;
    }

    private OpenDataRows build(Election e, Tally tally, Map<String, Map<String, Long>> values,
            Map<String, java.time.Instant> entered) {
        var day = setup.day(e.electionDayId()).orElseThrow();
        var nominations = setup.nominations(e.id());
        Map<Long, Integer> candidates = new HashMap<>();
        for (Nomination n : nominations) {
            if (n.voteKind() == VoteKind.CUMULATIVE) {
                candidates.put(n.id(), setup.candidates(n.id()).size());
            }
        }
        return new OpenDataRows(new OpenDataRows.Input(e, day, tally.structure(), setup.units(e.electionDayId()),
                setup.areas(e.electionDayId()), nominations, candidates, values, entered));
    }
}
