package de.wahlwerk.server.publish;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.server.entry.EntryService;
import de.wahlwerk.server.entry.ReportChanged;
import de.wahlwerk.server.results.Formats;
import de.wahlwerk.server.results.LiveTallies;
import de.wahlwerk.server.results.ResultsService;
import de.wahlwerk.server.results.ResultsView;
import de.wahlwerk.server.setup.SetupDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes results to the public: for every election whose polls have closed (and that is no
 * rehearsal), an HTML page and a JSON document per area, rendered once per change into ready
 * bytes. Only confirmed reports count (the live tally holds nothing else); before polls close
 * nothing is published at all.
 */
@Component
class PublicSite implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublicSite.class);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final SetupDirectory setup;
    private final LiveTallies tallies;
    private final ResultsService results;
    private final EntryService entry;
    private final Snapshots snapshots;
    private final ITemplateEngine templates;
    private final Formats fmt;
    private final JsonMapper json;
    private final OpenDataFiles openData;
    private final Clock clock;
    /**
     * Per election, the tally whose numbers are published now and the sequence it had then. A
     * set-up change (a district added after polls closed, a renamed area) builds the tally anew at
     * the same sequence: that alone must be published, when it happens. Compared by sequence only,
     * it waited for the next report, and that report then re-rendered and rewrote every page of the
     * election at once (in a replayed night the first minute's snapshots waited up to 18 s for it).
     */
    private record PublishedTally(Tally tally, long sequence) {}

    private final Map<Long, PublishedTally> publishedTally = new ConcurrentHashMap<>();
    /** Per election, the area snapshots whose numbers (JSON, open data) are published now (compared by identity). */
    private final Map<Long, Map<AreaRef, AreaSnapshot>> published = new ConcurrentHashMap<>();
    /** Per election, the area snapshots whose pages are rendered now; the pages follow the numbers. */
    private final Map<Long, Map<AreaRef, AreaSnapshot>> paged = new ConcurrentHashMap<>();
    private final Map<Long, PagesDue> pagesDue = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicBoolean rendering = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile java.util.concurrent.ExecutorService pageRenderer;
    private final java.util.Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;
    private final AreaPages areaPages;
    private final PublicFactsSource facts;
    private final LiveFeed live;
    private final boolean serving;
    private final int backgroundNice;

    PublicSite(SetupDirectory setup, LiveTallies tallies, ResultsService results, EntryService entry, Snapshots snapshots,
            ITemplateEngine templates, Formats fmt, JsonMapper json, OpenDataFiles openData, java.util.Optional<Clock> clock,
            AreaPages areaPages, PublicFactsSource facts, LiveFeed live, de.wahlwerk.server.ops.WahlwerkProperties properties) {
        this.serving = properties.serving();
        this.backgroundNice = properties.backgroundNice();
        this.areaPages = areaPages;
        this.facts = facts;
        this.live = live;
        this.setup = setup;
        this.tallies = tallies;
        this.results = results;
        this.entry = entry;
        this.snapshots = snapshots;
        this.templates = templates;
        this.fmt = fmt;
        this.json = json;
        this.openData = openData;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    void start(ApplicationReadyEvent ready) {
        if (!serving) {
            return;
        }
        snapshots.put(PublicReadFilter.PREFIX + "public.css", PublishedPage.of(resource("static/css/public.css"), "text/css;charset=UTF-8"));
        snapshots.put(PublicReadFilter.PREFIX + "public.js", PublishedPage.of(resource("static/js/public.js"), "text/javascript;charset=UTF-8"));
        // Below the request threads' priority where the installation asks for it (ADR 0009): a
        // clerk's report then comes first, and what confirmed meanwhile coalesces into the next pass.
        pageRenderer = Executors.newSingleThreadExecutor(
                de.wahlwerk.server.ops.BackgroundThreads.named("wahlwerk-pages", backgroundNice));
        refreshAll();
        // Catches what this node did not cause itself: other nodes' confirmations, polls closing.
        // A platform thread of its own: a virtual one would share the carrier threads with every
        // request being served and could starve exactly when the crowd arrives.
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("wahlwerk-publish").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::refreshAll, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * After a confirmation commits, the election is queued for publishing on the publisher's own
     * thread: confirming never waits for rendering, and a burst of reports coalesces into one render.
     */
    @TransactionalEventListener
    void changed(ReportChanged event) {
        log.debug("Report changed in election {}, queued for publishing", event.electionId());
        dirty.add(event.electionId());
        ScheduledExecutorService s = scheduler;
        if (s != null && draining.compareAndSet(false, true)) {
            s.execute(this::drain);
        }
    }

    /**
     * Shortest time from one publication round to the next while confirmations keep coming: what
     * is confirmed meanwhile coalesces into the next round. Without it the publisher ran a round
     * per confirmation or two (national replay: 10 a second) once the request limit (ADR 0011)
     * stopped it waiting for connections, and the node spent a sixth of its CPU on rounds, their
     * open data and their garbage. The first confirmation after a quiet moment is published at once.
     */
    static final long MIN_ROUND_PERIOD_MILLIS = 200;
    /** Publish thread only: no round starts before this {@link System#nanoTime}. */
    private long nextRoundAt = System.nanoTime();
    /** Publication rounds after confirmations so far; for tests. */
    private final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();

    long publicationRounds() {
        return rounds.get();
    }

    private void drain() {
        try {
            while (!dirty.isEmpty()) {
                long wait = nextRoundAt - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                rounds.incrementAndGet();
                long t0 = System.nanoTime();
                tallies.catchUp();
                long t1 = System.nanoTime();
                Long id;
                while ((id = pollDirty()) != null) {
                    try {
                        setup.election(id).ifPresent(this::refresh);
                    } catch (RuntimeException failed) {
                        // One election that fails (or is being set up) must not hold back the others' numbers.
                        log.warn("Publishing election {} failed, its last published pages stay online: {}", id, failed.toString());
                    }
                }
                long t2 = System.nanoTime();
                snapshots.commit();
                nextRoundAt = System.nanoTime() + MIN_ROUND_PERIOD_MILLIS * 1_000_000L;
                log.debug("Publication round: catch-up {} ms, refresh {} ms, commit {} ms", (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            }
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Publishing failed, the last published pages stay online: {}", e.toString());
        } finally {
            draining.set(false);
            if (!dirty.isEmpty() && !Thread.currentThread().isInterrupted() && draining.compareAndSet(false, true)) {
                scheduler.execute(this::drain);
            }
        }
    }

    private Long pollDirty() {
        var it = dirty.iterator();
        if (!it.hasNext()) {
            return null;
        }
        Long id = it.next();
        it.remove();
        return id;
    }

    synchronized void refreshAll() {
        try {
            // What this node did not hear by notification (another node's confirmations while the
            // listener reconnected after a database restart) is read here, at the latest every 2 s.
            tallies.catchUp();
            List<Election> published = new ArrayList<>();
            for (Election e : setup.allElections()) {
                if (publishable(e)) {
                    published.add(e);
                    try {
                        refresh(e);
                    } catch (RuntimeException failed) {
                        // One election still being set up (or broken) must not stop the others' pages.
                        log.warn("Publishing election {} failed, its last published pages stay online: {}", e.id(), failed.toString());
                    }
                }
            }
            for (Locale lang : AreaPages.LANGUAGES) {
                Context context = new Context(lang);
                context.setVariable("elections", published);
                context.setVariable("suffix", AreaPages.suffix(lang));
                snapshots.put(PublicReadFilter.PREFIX + "index" + AreaPages.suffix(lang) + ".html",
                        PublishedPage.of(templates.process("publish/index", context), "text/html;charset=UTF-8"));
            }
            snapshots.commit();
        } catch (RuntimeException e) {
            log.warn("Publishing failed, the last published pages stay online: {}", e.toString());
        }
    }

    /**
     * Publishes the numbers of the election's areas that moved since the last publication, and
     * queues their pages for the page thread: the tally replaces the snapshot of exactly the areas a report touches (the unit's ancestors
     * in every hierarchy), so an area whose snapshot is the same object as last time, and with it
     * its whole subtree, is skipped. One round reads the database once, never per area.
     */
    synchronized void refresh(Election e) {
        if (!publishable(e)) {
            return;
        }
        Tally current = tallies.tally(e.id());
        PublishedTally before = publishedTally.get(e.id());
        if (before != null && before.tally() == current && before.sequence() == current.sequence()) {
            return;
        }
        long started = System.nanoTime();
        long cpu = cpuNow();
        ResultsService.PublicationRound round = results.publicationRound(e.id());
        ZonedDateTime time = ZonedDateTime.now(clock.withZone(ZONE));
        Map<AreaRef, AreaSnapshot> shown = published.computeIfAbsent(e.id(), id -> new ConcurrentHashMap<>());
        List<AreaSnapshot> changed = new ArrayList<>();
        for (AreaSnapshot root : round.roots()) {
            collectChanged(round, root, shown, changed);
        }
        // Numbers first: the JSON and open data of every changed area cost no projection and no
        // rendering, and they are what newsrooms' tools poll. The pages follow on their own thread,
        // so that a slow round of pages (seconds for a whole country) never holds back the numbers.
        String stamp = time.format(PublicTime.JSON);
        for (AreaSnapshot area : changed) {
            ResultsView counts = round.countsView(area);
            snapshots.put(base(e) + area.area().ref().hierarchy().code() + "/" + area.area().ref().key() + ".json",
                    PublishedPage.of(json.writeValueAsString(document(counts, stamp)), "application/json;charset=UTF-8"));
            openData.publish(e, area);
            shown.put(area.area().ref(), area);
        }
        publishedTally.put(e.id(), new PublishedTally(round.tally(), round.sequence()));
        pagesDue.put(e.id(), new PagesDue(round, time));
        schedulePages();
        log.debug("Election {}: numbers of {} areas published for sequence {} in {} ms ({} ms CPU)", e.id(), changed.size(),
                round.sequence(), (System.nanoTime() - started) / 1_000_000,
                (cpuNow() - cpu) / 1_000_000);
    }

    /**
     * Looked up once: {@code ManagementFactory.getThreadMXBean()} searches the platform beans with a
     * stream on every call, which showed in the night's allocation profile.
     */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** The calling thread's CPU time in nanoseconds, for the debug lines' "ms CPU"; 0 with debug off. */
    private static long cpuNow() {
        return log.isDebugEnabled() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * The page thread, for tests only: a test holds it back with a task of its own to show that the
     * numbers do not wait for the pages and that rounds queued meanwhile coalesce (ADR 0622).
     * Null before start-up.
     */
    java.util.concurrent.ExecutorService pageThread() {
        return pageRenderer;
    }

    /** The newest round of an election whose pages are still to be rendered, and its time stamp. */
    private record PagesDue(ResultsService.PublicationRound round, ZonedDateTime time) {}

    private void schedulePages() {
        java.util.concurrent.ExecutorService r = pageRenderer;
        if (r != null && rendering.compareAndSet(false, true)) {
            r.execute(this::renderDuePages);
        } else if (r == null) {
            renderDuePages(); // before start-up finished (no thread yet): render here
        }
    }

    /**
     * The page thread rests {@value #PAGE_REST_FACTOR} times as long as its last pass used CPU (at
     * most {@value #MAX_PAGE_REST_MILLIS} ms) before the next: on a busy night it renders every
     * changed area's pages anew on each pass, and without a rest it took 40 % of the node's CPU in
     * the NRW replay, away from the requests that enter and confirm reports. The rest follows
     * every pass, so the thread takes at most a third of a core (ADR 0622, amended in session 27).
     * The numbers are not delayed (ADR 0622); the pages of rounds that arrive meanwhile coalesce
     * into the next pass. On a quiet machine the rest is a fraction of a second for a city.
     */
    static final long MAX_PAGE_REST_MILLIS = 10_000;
    static final int PAGE_REST_FACTOR = 2;
    /** Page thread only: the next pass does not start before this {@link System#nanoTime}. */
    private long pagesRestUntil;
    /** How often the page thread rested before a pass; for tests. */
    private final java.util.concurrent.atomic.AtomicLong pageRests = new java.util.concurrent.atomic.AtomicLong();
    /** For tests: runs on the page thread after each election's pages of a pass (null: nothing). */
    volatile Runnable afterPagesForTests;

    long pageRests() {
        return pageRests.get();
    }

    /** On the page thread: renders the newest due round of every election; rounds that queued meanwhile coalesce. */
    private void renderDuePages() {
        var threads = THREADS;
        long cpu = 0;
        try {
            long rest = pagesRestUntil - System.nanoTime();
            if (rest > 0 && pageRenderer != null) {
                pageRests.incrementAndGet();
                TimeUnit.NANOSECONDS.sleep(rest);
            }
            cpu = threads.getCurrentThreadCpuTime();
            // One pass over the elections due now, then the rest: rounds that arrive during the
            // pass wait for the next one. Looping until nothing was due never rested on a busy
            // night (a national round arrives every 200 ms, a pass takes longer), so the page
            // thread ran without pause and took 31 % of the node's CPU whatever its rest.
            for (Long election : List.copyOf(pagesDue.keySet())) {
                PagesDue due = pagesDue.remove(election);
                if (due == null) {
                    continue;
                }
                try {
                    renderPages(due);
                } catch (RuntimeException failed) {
                    log.warn("Pages of election {} failed, the last published pages stay online: {}", due.round().election().id(),
                            failed.toString());
                }
                snapshots.commit();
                Runnable hook = afterPagesForTests;
                if (hook != null) {
                    hook.run();
                }
            }
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
        } finally {
            if (cpu > 0) {
                pagesRestUntil = System.nanoTime()
                        + Math.min(PAGE_REST_FACTOR * (threads.getCurrentThreadCpuTime() - cpu), MAX_PAGE_REST_MILLIS * 1_000_000L);
            }
            if (pageRenderer != null) {
                rendering.set(false);
                if (!pagesDue.isEmpty() && rendering.compareAndSet(false, true)) {
                    pageRenderer.execute(this::renderDuePages);
                }
            }
        }
    }

    /** Renders the pages of the areas whose numbers moved since their pages were last rendered. */
    private void renderPages(PagesDue due) {
        long started = System.nanoTime();
        long cpu = cpuNow();
        ResultsService.PublicationRound round = due.round();
        Election e = round.election();
        var tally = round.tally();
        Map<AreaRef, AreaSnapshot> shown = paged.computeIfAbsent(e.id(), id -> new ConcurrentHashMap<>());
        List<AreaSnapshot> changed = new ArrayList<>();
        for (AreaSnapshot root : round.roots()) {
            collectChanged(round, root, shown, changed);
        }
        PublicFacts f = facts.facts(e, tally);
        for (AreaSnapshot area : changed) {
            areaPages.publish(e, round.view(area), tally, f, due.time());
            shown.put(area.area().ref(), area);
        }
        if (!changed.isEmpty() || snapshots.get(base(e) + "index.html") == null) {
            ElectionPages.publish(templates, snapshots, e, round.roots(), f, due.time());
        }
        if (facts.updateSeats(e)) {
            PublicFacts withSeats = facts.facts(e, tally);
            for (AreaSnapshot root : round.roots()) {
                areaPages.publish(e, round.view(root), tally, withSeats, due.time());
            }
        }
        live.published(e.id(), round.sequence());
        // Wall and CPU time: on a crowded machine the two differ, and only the second is our work.
        log.debug("Election {}: {} areas re-rendered for sequence {} in {} ms ({} ms CPU)", e.id(), changed.size(), round.sequence(),
                (System.nanoTime() - started) / 1_000_000,
                (cpuNow() - cpu) / 1_000_000);
    }

    /** Collects the area and, below it, every area whose numbers changed since they were last published. */
    private static void collectChanged(ResultsService.PublicationRound round, AreaSnapshot area, Map<AreaRef, AreaSnapshot> shown,
            List<AreaSnapshot> changed) {
        if (shown.get(area.area().ref()) == area) {
            return; // unchanged, and so is everything below it
        }
        changed.add(area);
        for (AreaSnapshot child : round.children(area)) {
            collectChanged(round, child, shown, changed);
        }
    }

    /** The public JSON: exact counts, shares as exact fractions plus rounded percent. */
    private static Map<String, Object> document(ResultsView view, String time) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("election", view.election().name());
        d.put("area", Map.of("hierarchy", view.ref().hierarchy().code(), "key", view.ref().key(),
                "level", view.area().area().level().name()));
        d.put("status", Map.of("time", time, "unitsReported", view.area().unitsReported(),
                "unitsExpected", view.area().unitsExpected(), "preliminary", true));
        var all = view.area().all();
        d.put("eligible", all.eligible());
        d.put("voters", all.voters());
        List<Map<String, Object>> votes = new ArrayList<>();
        for (ResultsView.Row r : view.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("voteKind", r.kind().name());
            row.put("group", r.group());
            row.put("votes", r.votes());
            row.put("share", r.share() == null ? null : r.share().numerator() + "/" + r.share().denominator());
            row.put("changePoints", r.changePoints() == null ? null : r.changePoints().numerator() + "/" + r.changePoints().denominator());
            votes.add(row);
        }
        d.put("votes", votes);
        return d;
    }

    private boolean publishable(Election e) {
        ElectionDay day = setup.day(e.electionDayId()).orElse(null);
        if (day == null || entry.settings(e.id()).rehearsal()) {
            return false;
        }
        ZonedDateTime close = day.date().atTime(day.pollsClose()).atZone(ZONE);
        return !ZonedDateTime.now(clock.withZone(ZONE)).isBefore(close);
    }

    static String base(Election e) {
        return PublicReadFilter.PREFIX + e.id() + "/";
    }

    private static String resource(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        // Both threads stop before the snapshots and the templates they use go: a pass still
        // running would otherwise render with a closed context and hand its pages to a stopped writer.
        List<java.util.concurrent.ExecutorService> threads = java.util.stream.Stream.of(scheduler, pageRenderer)
                .filter(java.util.Objects::nonNull).toList();
        threads.forEach(java.util.concurrent.ExecutorService::shutdownNow);
        try {
            for (java.util.concurrent.ExecutorService e : threads) {
                if (!e.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.warn("Publishing thread did not stop within 10 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
