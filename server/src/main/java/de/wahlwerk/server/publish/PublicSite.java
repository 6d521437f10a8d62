package de.wahlwerk.server.publish;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.tally.AreaSnapshot;
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
    private final Map<Long, Long> publishedSequence = new ConcurrentHashMap<>();
    private final java.util.Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;
    private final AreaPages areaPages;
    private final PublicFactsSource facts;
    private final LiveFeed live;

    PublicSite(SetupDirectory setup, LiveTallies tallies, ResultsService results, EntryService entry, Snapshots snapshots,
            ITemplateEngine templates, Formats fmt, JsonMapper json, OpenDataFiles openData, java.util.Optional<Clock> clock,
            AreaPages areaPages, PublicFactsSource facts, LiveFeed live) {
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
        snapshots.put(PublicReadFilter.PREFIX + "public.css", PublishedPage.of(resource("static/css/public.css"), "text/css;charset=UTF-8"));
        snapshots.put(PublicReadFilter.PREFIX + "public.js", PublishedPage.of(resource("static/js/public.js"), "text/javascript;charset=UTF-8"));
        refreshAll();
        // Catches what this node did not cause itself: other nodes' confirmations, polls closing.
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("wahlwerk-publish").factory());
        scheduler.scheduleWithFixedDelay(this::refreshAll, 2, 2, TimeUnit.SECONDS);
    }

    /**
     * After a confirmation commits, the election is queued for publishing on the publisher's own
     * thread: confirming never waits for rendering, and a burst of reports coalesces into one render.
     */
    @TransactionalEventListener
    void changed(ReportChanged event) {
        dirty.add(event.electionId());
        ScheduledExecutorService s = scheduler;
        if (s != null && draining.compareAndSet(false, true)) {
            s.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Long id;
            while ((id = pollDirty()) != null) {
                tallies.catchUp();
                setup.election(id).ifPresent(this::refresh);
            }
        } catch (RuntimeException e) {
            log.warn("Publishing failed, the last published pages stay online: {}", e.toString());
        } finally {
            draining.set(false);
            if (!dirty.isEmpty() && draining.compareAndSet(false, true)) {
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
            List<Election> published = new ArrayList<>();
            for (Election e : setup.allElections()) {
                if (publishable(e)) {
                    published.add(e);
                    refresh(e);
                }
            }
            for (Locale lang : AreaPages.LANGUAGES) {
                Context context = new Context(lang);
                context.setVariable("elections", published);
                context.setVariable("suffix", AreaPages.suffix(lang));
                snapshots.put(PublicReadFilter.PREFIX + "index" + AreaPages.suffix(lang) + ".html",
                        PublishedPage.of(templates.process("publish/index", context), "text/html;charset=UTF-8"));
            }
        } catch (RuntimeException e) {
            log.warn("Publishing failed, the last published pages stay online: {}", e.toString());
        }
    }

    /** Renders the election's pages if its numbers moved since the last publication. */
    synchronized void refresh(Election e) {
        if (!publishable(e)) {
            return;
        }
        long started = System.nanoTime();
        long sequence = tallies.tally(e.id()).sequence();
        if (publishedSequence.getOrDefault(e.id(), -1L) == sequence) {
            return;
        }
        String time = ZonedDateTime.now(clock.withZone(ZONE)).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        List<AreaSnapshot> roots = results.rootsForPublication(e.id());
        var tally = tallies.tally(e.id());
        // The numbers of every area first (counts only, cheap), then the pages with projection and history.
        for (AreaSnapshot root : roots) {
            publishNumbers(e, root, time);
        }
        PublicFacts f = facts.facts(e, tally);
        for (AreaSnapshot root : roots) {
            publishArea(e, root, time, tally, f);
        }
        ElectionPages.publish(templates, snapshots, e, roots, f, time);
        if (facts.updateSeats(e)) {
            PublicFacts withSeats = facts.facts(e, tally);
            for (AreaSnapshot root : roots) {
                areaPages.publish(e, results.viewForPublication(e.id(), root.area().ref().hierarchy().code(),
                        root.area().ref().key()), tally, withSeats, time);
            }
        }
        publishedSequence.put(e.id(), sequence);
        live.published(e.id(), sequence);
        log.debug("Published election {} at sequence {} in {} ms", e.id(), sequence, (System.nanoTime() - started) / 1_000_000);
    }

    private void publishArea(Election e, AreaSnapshot area, String time, de.wahlwerk.core.tally.Tally tally, PublicFacts f) {
        String h = area.area().ref().hierarchy().code();
        String k = area.area().ref().key();
        ResultsView view = results.viewForPublication(e.id(), h, k);
        areaPages.publish(e, view, tally, f, time);
        for (AreaSnapshot child : view.children()) {
            publishArea(e, child, time, tally, f);
        }
    }

    private void publishNumbers(Election e, AreaSnapshot area, String time) {
        String h = area.area().ref().hierarchy().code();
        String k = area.area().ref().key();
        ResultsView view = results.countsForPublication(e.id(), h, k);
        snapshots.put(base(e) + h + "/" + k + ".json", PublishedPage.of(json.writeValueAsString(document(view, time)),
                "application/json;charset=UTF-8"));
        openData.publish(e, area);
        for (AreaSnapshot child : view.children()) {
            publishNumbers(e, child, time);
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
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
