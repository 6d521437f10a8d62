package de.wahlwerk.server.publish;

import static de.wahlwerk.server.support.Responses.ok;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Responses;
import de.wahlwerk.server.support.TestTown;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ADR 0622, numbers before pages: the public JSON of an area carries a new confirmed report while
 * the page thread is held back; the page follows once it runs, and the server-sent event comes
 * after the page, so a browser refetching on it gets the new page. Rounds of numbers published
 * while the page thread is busy coalesce into one page round of the newest. A town of its own, so
 * that no other test's reports make rounds here.
 */
class NumbersBeforePagesIT extends IntegrationTest {

    private static final String AGS = "09175995";
    private static final String VOTES = "\"D1\":\"30\",\"D2\":\"20\"";

    @Autowired
    PublicSite site;

    @Autowired
    Snapshots snapshots;

    /** One announced page round: its sequence, and the districts the town page stated when the event arrived. */
    private record Event(long sequence, long pageReported) {}

    @Test
    void theJsonCarriesAReportWhileThePagesAreHeldBackAndTheEventFollowsThePage() throws Exception {
        Town town = town("Zahlen vor Seiten", 3);
        HeldPages held = holdPages();
        try {
            town.confirm(1);
            awaitTrue(() -> jsonReported(town) == 2, "the JSON counts the new report while the page thread is held");
            assertThat(session().get(town.path(".json")).body()).as("the JSON as served").contains("\"unitsReported\":2");
            assertThat(pageReported(town)).as("the page waits for the page thread").isEqualTo(1);
            assertThat(town.events).as("no event before the page").isEmpty();
        } finally {
            held.release();
        }
        Event event = town.events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event once the page round ran").isNotNull();
        assertThat(event.pageReported()).as("the page already shows the report when its event arrives").isEqualTo(2);
        assertThat(pageReported(town)).isEqualTo(2);
    }

    @Test
    void roundsQueuedWhileThePagesAreBusyCoalesceIntoOneRoundOfTheNewest() throws Exception {
        Town town = town("Runden zusammengefasst", 5);
        HeldPages held = holdPages();
        try {
            for (int i = 1; i <= 3; i++) {
                town.confirm(i);
                int reported = i + 1;
                // Each report its own round of numbers: the next is confirmed only after the JSON shows this one.
                awaitTrue(() -> jsonReported(town) == reported, "the JSON counts report " + reported);
            }
            assertThat(pageReported(town)).isEqualTo(1);
            assertThat(town.events).isEmpty();
        } finally {
            held.release();
        }
        Event event = town.events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("an event once the page round ran").isNotNull();
        pagesIdle();
        Thread.sleep(500);
        List<Event> more = new ArrayList<>();
        town.events.drainTo(more);
        assertThat(more).as("one page round for three rounds of numbers").isEmpty();
        assertThat(event.pageReported()).as("the round rendered is the newest").isEqualTo(4);
        long newest = jdbc.sql("select max(confirmed_seq) from quick_report where election_id = :e").param("e", town.election)
                .query(Long.class).single();
        assertThat(event.sequence()).isGreaterThanOrEqualTo(newest);
        assertThat(pageReported(town)).isEqualTo(4);
    }

    /**
     * A stream of confirmations is published in rounds at least {@link PublicSite#MIN_ROUND_PERIOD_MILLIS}
     * apart: what is confirmed meanwhile coalesces. One round per confirmation would exceed the bound
     * as soon as confirmations come faster than the period.
     */
    @Test
    void aStreamOfConfirmationsIsPublishedInRoundsAtLeastThePeriodApart() throws Exception {
        Town town = town("Runden im Takt", 9);
        long before = site.publicationRounds();
        long started = System.nanoTime();
        for (int i = 1; i <= 8; i++) {
            town.confirm(i);
        }
        awaitTrue(() -> jsonReported(town) == 9, "the JSON counts all nine reports");
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        long rounds = site.publicationRounds() - before;
        assertThat(rounds).as("%d rounds for 8 confirmations in %d ms", rounds, elapsedMillis)
                .isBetween(1L, elapsedMillis / PublicSite.MIN_ROUND_PERIOD_MILLIS + 1);
    }

    /**
     * A round of numbers that arrives while the page thread renders waits for the pass to end and
     * for the thread's rest after it (ADR 0622 amended): on a busy night a round arrives during
     * every pass, and rendering it at once meant the thread never rested.
     */
    @Test
    void aRoundThatArrivesDuringAPagePassIsRenderedAfterTheRest() throws Exception {
        Town town = town("Seiten mit Pause", 4);
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        site.afterPagesForTests = () -> {
            if (first.compareAndSet(true, false)) {
                inPass.countDown();
                try {
                    goOn.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            town.confirm(1);
            assertThat(inPass.await(10, TimeUnit.SECONDS)).as("a pass has rendered the first round").isTrue();
            long rests = site.pageRests();
            town.confirm(2);
            awaitTrue(() -> jsonReported(town) == 3, "the next round of numbers, due while the pass runs");
            goOn.countDown();
            awaitTrue(() -> pageReported(town) == 3, "the page of the round that arrived during the pass");
            assertThat(site.pageRests()).as("the page thread rested between the two passes").isGreaterThan(rests);
        } finally {
            site.afterPagesForTests = null;
            goOn.countDown();
        }
    }

    /** Returns once the page thread has run what was queued before (it runs one task at a time, in order). */
    private void pagesIdle() throws InterruptedException {
        CountDownLatch idle = new CountDownLatch(1);
        site.pageThread().execute(idle::countDown);
        assertThat(idle.await(30, TimeUnit.SECONDS)).as("the page thread is idle").isTrue();
    }

    /** The page thread runs a task of the test's until released: page rounds queue behind it. */
    private final class HeldPages {
        private final CountDownLatch running = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        void release() {
            release.countDown();
        }
    }

    private HeldPages holdPages() throws InterruptedException {
        HeldPages held = new HeldPages();
        site.pageThread().execute(() -> {
            held.running.countDown();
            try {
                held.release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(held.running.await(30, TimeUnit.SECONDS)).as("the page thread runs the test's task").isTrue();
        return held;
    }

    /** The town's election with its districts, its first district reported and published, and a reader of its events. */
    private final class Town {
        final long election;
        final List<Long> units = new ArrayList<>();
        final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
        HttpSession clerk;
        HttpSession approver;

        Town(long election) {
            this.election = election;
        }

        String path(String suffix) {
            return PublicReadFilter.PREFIX + election + "/admin/" + AGS + suffix;
        }

        void confirm(int unit) {
            var entered = DemoReports.submitGivingReasons(clerk, "/api/entry/elections/" + election + "/reports",
                    TestTown.report(units.get(unit), VOTES));
            assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
            ok(approver.json("POST", "/api/entry/reports/" + Responses.reportId(entered.body()) + "/approve", null));
        }
    }

    private Town town(String name, int districts) throws Exception {
        TestTown setup = new TestTown(signedIn(accounts, Role.ADMIN, null, null), AGS, name, 2);
        Town town = new Town(setup.election());
        for (int i = 0; i < districts; i++) {
            town.units.add(setup.addUnit("%03d".formatted(i + 1)));
        }
        town.clerk = signedIn(accounts, Role.CLERK, "admin", AGS);
        town.approver = signedIn(accounts, Role.APPROVER, "admin", AGS);
        town.confirm(0);
        awaitTrue(() -> snapshots.get(PublicReadFilter.PREFIX + town.election + "/index.html") != null && pageReported(town) == 1,
                "the town's page with its first report");
        LinkedBlockingQueue<String> opened = new LinkedBlockingQueue<>();
        session().sendAsyncLines(HttpRequest.newBuilder(URI.create(session().base() + LiveFeed.PATH + town.election)).build(), line -> {
            if (line.startsWith(":")) {
                opened.add(line);
            } else if (line.startsWith("data:")) {
                // Read in this very moment, in memory: what a browser refetching on the event would get.
                town.events.add(new Event(Long.parseLong(line.substring(5).trim()), pageReported(town)));
            }
        });
        assertThat(opened.poll(10, TimeUnit.SECONDS)).as("the event stream is open").isNotNull();
        // The first round's event may still be on its way: let the page thread finish, then start counting.
        pagesIdle();
        Thread.sleep(300);
        town.events.clear();
        return town;
    }

    private long jsonReported(Town town) {
        PublishedPage json = snapshots.get(town.path(".json"));
        return json == null ? -1 : number(json, "\"unitsReported\":(\\d+)");
    }

    private long pageReported(Town town) {
        PublishedPage page = snapshots.get(town.path(".html"));
        return page == null ? -1 : number(page, "data-units-reported=\"(\\d+)\"");
    }

    private static long number(PublishedPage page, String regex) {
        Matcher m = Pattern.compile(regex).matcher(new String(page.body(), StandardCharsets.UTF_8));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        for (long until = System.currentTimeMillis() + 10_000; !condition.getAsBoolean() && System.currentTimeMillis() < until; ) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
