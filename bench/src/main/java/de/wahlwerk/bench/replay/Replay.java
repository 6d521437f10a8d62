package de.wahlwerk.bench.replay;

import de.wahlwerk.core.formats.Kerg2Reader;
import de.wahlwerk.core.formats.KergArea;
import de.wahlwerk.core.formats.KergGroup;
import de.wahlwerk.core.formats.KergResult;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Election night replayed against running Wahlwerk nodes through their HTTP API only: sets up the
 * Bundestag 2025 election from kerg2.csv with generated polling and postal districts, creates clerk
 * and approver accounts per state, then lets many clients enter every district's report when the
 * arrival curve says (entered by a clerk, approved by another person, some corrected with a
 * reason), retrying with the same idempotency key whenever a node does not answer. At the end every
 * constituency, state and federal number of the public JSON must equal kerg2.csv, and the seats the
 * official distribution.
 */
public final class Replay {

    /** How to replay. {@code states} empty means all 16. */
    public record Options(List<String> nodes, String adminUser, String adminPassword, String adminTotpSecret,
            Path kerg2, Set<String> states, int polling, int postal, long seed, double compress, int clients,
            double correctionShare, boolean checkSeats, List<String> publicNodes) {

        /** Where the crowd reads: the nodes' public listeners, or (null) the nodes' main ports. */
        public List<String> publicNodes() {
            return publicNodes == null ? nodes : publicNodes;
        }
    }

    /** What happened; {@code mismatches} empty means every number matched. */
    public record Result(int units, int reports, int corrections, int retries, long wallMillis, Stats submit,
            Stats approve, Stats visible, List<String> mismatches, int comparedNumbers, Map<String, Integer> seats,
            Stats visiblePage, Stats visibleSnapshot, Stats late, Stats submitQueue, Stats submitBeyondQueue,
            Stats approveQueue, Stats approveBeyondQueue) {}

    /** Latency percentiles in milliseconds. */
    public record Stats(int count, double p50, double p99, double max) {
        static Stats of(List<Long> nanos) {
            List<Long> s = new ArrayList<>(nanos);
            s.sort(null);
            if (s.isEmpty()) {
                return new Stats(0, 0, 0, 0);
            }
            return new Stats(s.size(), ms(s.get((int) Math.floor((s.size() - 1) * 0.50))),
                    ms(s.get((int) Math.floor((s.size() - 1) * 0.99))), ms(s.get(s.size() - 1)));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count, p50, p99, max);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern INVITE = Pattern.compile("/invite/([A-Za-z0-9_-]+)");
    private static final Pattern SECRET = Pattern.compile("name=\"secret\" value=\"([A-Z2-7]+)\"");

    private final Options o;
    private final PrintStream out;
    private final KergResult kerg;
    private final byte[] kergBytes;
    /** A hook the fault runs use: called once when this share of the reports is confirmed. */
    private volatile double faultAt = 2;
    private volatile Runnable fault;

    private long electionId;
    private long dayId;
    private final Map<String, Long> unitIds = new ConcurrentHashMap<>();
    private final Map<String, List<Session>> clerks = new HashMap<>();
    private final Map<String, List<Session>> approvers = new HashMap<>();

    /** A kind of timed request: each latency, and of it the wait for a turn on the node and the rest (QueueTiming). */
    private record Timed(List<Long> total, List<Long> queue, List<Long> beyondQueue) {
        Timed() {
            this(java.util.Collections.synchronizedList(new ArrayList<>()),
                    java.util.Collections.synchronizedList(new ArrayList<>()),
                    java.util.Collections.synchronizedList(new ArrayList<>()));
        }

        void add(long tookNanos, long queuedNanos) {
            total.add(tookNanos);
            if (queuedNanos >= 0) {
                queue.add(queuedNanos);
                beyondQueue.add(Math.max(0, tookNanos - queuedNanos));
            }
        }
    }

    private final Timed submitted = new Timed();
    private final Timed approved = new Timed();
    /**
     * Per first confirmation, how much later than its plan (clerk due, approver due) it was
     * confirmed. Once reports arrive faster than the machine confirms them, they wait somewhere:
     * with many clients inside the server (long requests), with few in the clients' queues (short
     * requests, the same lateness). Request latencies alone would hide the second.
     */
    private final List<Long> lateNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Long> visibleNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger confirmed = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger corrections = new AtomicInteger();
    private final AtomicInteger reports = new AtomicInteger();
    private final Map<String, AtomicInteger> confirmedIn = new ConcurrentHashMap<>();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    public Replay(Options options, PrintStream out) throws java.io.IOException, de.wahlwerk.core.formats.ImportException {
        this.o = options;
        this.out = out;
        this.kergBytes = Files.readAllBytes(options.kerg2());
        this.kerg = new Kerg2Reader().read(options.kerg2());
    }

    private volatile java.util.function.LongConsumer onNight = e -> {};

    /** Called with the election's id when the night starts (public load, for example). */
    public void onNight(java.util.function.LongConsumer action) {
        this.onNight = action;
    }

    /** Runs {@code action} once, when {@code share} (0–1) of the districts are confirmed (kill a node, restart the database …). */
    public void faultAt(double share, Runnable action) {
        this.faultAt = share;
        this.fault = action;
    }

    /** The constituencies of the chosen states. */
    public List<KergArea> constituencies() {
        return kerg.constituencies().stream()
                .filter(c -> o.states().isEmpty() || o.states().contains(c.parentKey()))
                .toList();
    }

    public Result run() throws Exception {
        long t0 = System.nanoTime();
        Session admin = new Session(o.nodes().get(0));
        if (!admin.login(o.adminUser(), o.adminPassword(), o.adminTotpSecret())) {
            throw new IllegalStateException("administrator sign-in failed at " + o.nodes().get(0));
        }
        List<KergArea> chosen = constituencies();
        List<SplitUnit> units = units(chosen);
        out.printf("Replay: %d constituencies, %d districts (%d polling, %d postal), seed %d, %d clients on %s%n",
                chosen.size(), units.size(), units.stream().filter(u -> u.kind() == UnitKind.POLLING).count(),
                units.stream().filter(u -> u.kind() == UnitKind.POSTAL).count(), o.seed(), o.clients(), o.nodes());
        setUp(admin, chosen, units);
        long setUpDone = System.nanoTime();
        out.printf("Set-up done in %.1f s%n", (setUpDone - t0) / 1e9);

        rehearse(admin, units);
        onNight.accept(electionId);
        long start = System.nanoTime();
        night(units);
        long wall = System.nanoTime() - start;
        out.printf("Night replayed in %.1f s: %d reports, %d corrections, %d retries%n", wall / 1e9, reports.get(),
                corrections.get(), retries.get());

        List<String> mismatches = new ArrayList<>(failures);
        int compared = verify(chosen, units, mismatches);
        Map<String, Integer> seats = Map.of();
        if (o.checkSeats() && o.states().isEmpty()) {
            seats = verifySeats(admin, mismatches);
        }
        out.printf("Sampled confirmations not visible within a minute: %d in the public JSON, %d in the page, %d in the snapshot%n",
                invisible.get(), invisiblePage.get(), invisibleSnapshot.get());
        return new Result(units.size(), reports.get(), corrections.get(), retries.get(), wall / 1_000_000,
                Stats.of(submitted.total()), Stats.of(approved.total()), Stats.of(visibleNanos), mismatches, compared, seats,
                Stats.of(visiblePageNanos), Stats.of(visibleSnapshotNanos), Stats.of(lateNanos),
                Stats.of(submitted.queue()), Stats.of(submitted.beyondQueue()),
                Stats.of(approved.queue()), Stats.of(approved.beyondQueue()));
    }

    private int rehearsalReports;
    /** Reports of the rehearsal entered and approved (0 until it ran). */
    private final AtomicInteger rehearsed = new AtomicInteger();

    /**
     * Before the night, {@code reports} reports are entered and approved on a rehearsal copy of the
     * election and the copy is wiped, as an election office practises on the afternoon of election
     * day (OPERATIONS.md): the same requests as the night's, so the node's compiler has compiled the
     * entry path before 18:00 instead of during the first minutes of the night (docs/PERFORMANCE.md,
     * session 19). 0 (the default here): no rehearsal.
     */
    public void rehearseFirst(int reports) {
        this.rehearsalReports = reports;
    }

    public int rehearsed() {
        return rehearsed.get();
    }

    /** A warning that needs a reason, in a 400 answer to a report. */
    private static final Pattern WARNING = Pattern.compile("\"warning\\.([A-Za-z0-9_]+)\"");
    private static final Pattern REHEARSAL = Pattern.compile("/admin/entry/elections/(\\d+)$");

    private void rehearse(Session admin, List<SplitUnit> units) throws InterruptedException {
        if (rehearsalReports <= 0) {
            return;
        }
        long t = System.nanoTime();
        admin.get("/admin/entry/elections/" + electionId + "/settings"); // the form's CSRF token
        Session.Answer made = admin.form("/admin/entry/elections/" + electionId + "/settings/rehearsal", Map.of("percent", "0"));
        Matcher m = REHEARSAL.matcher(made.location());
        if (made.status() != 302 || !m.find()) {
            throw new IllegalStateException("rehearsal not created: " + made.status() + " " + made.location() + " " + shorten(made.body()));
        }
        long copy = Long.parseLong(m.group(1));
        // Units spread over every chosen state, the same each time for a seed.
        int step = Math.max(1, units.size() / rehearsalReports);
        java.util.concurrent.ConcurrentLinkedQueue<SplitUnit> todo = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int i = 0; i < units.size() && todo.size() < rehearsalReports; i += step) {
            todo.add(units.get(i));
        }
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < Math.max(1, o.clients() / 2); w++) {
            workers.add(Thread.ofPlatform().name("replay-rehearsal-" + w).daemon().start(() -> {
                Random r = new Random();
                for (SplitUnit u; (u = todo.poll()) != null; ) {
                    String problem = rehearseOne(copy, u, r);
                    if (problem != null) {
                        problems.add(u.key() + ": " + problem);
                    } else {
                        rehearsed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        admin.get("/admin/entry/elections/" + copy + "/settings");
        Session.Answer wiped = admin.form("/admin/entry/elections/" + copy + "/settings/wipe", Map.of());
        if (wiped.status() != 302 || !problems.isEmpty()) {
            throw new IllegalStateException("rehearsal failed (wipe: " + wiped.status() + "): " + problems.stream().limit(5).toList());
        }
        out.printf("Rehearsal on a copy of the election: %d reports entered and approved in %.1f s, copy wiped%n", rehearsed.get(),
                (System.nanoTime() - t) / 1e9);
    }

    /** One unit's report on the rehearsal copy, entered by a clerk and approved by an approver; null when done. */
    private String rehearseOne(long copy, SplitUnit u, Random r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unitIds.get(u.key()));
        body.put("values", values(u, false));
        body.put("warningReasons", Map.of());
        Session.Answer a = enter(pick(clerks, u, r), copy, body, "rehearsal-" + o.seed() + "-" + u.key(), "Probelauf", null);
        if (a.status() != 201 && a.status() != 200) {
            return "entry " + a.status() + " " + shorten(a.body());
        }
        long id = JSON.readTree(a.body()).get("reportId").asLong();
        Session.Answer ok = pick(approvers, u, r).json("POST", "/api/entry/reports/" + id + "/approve", null, Map.of());
        return ok.status() == 200 ? null : "approval " + ok.status() + " " + shorten(ok.body());
    }

    // --- set-up through the API ---

    private void setUp(Session admin, List<KergArea> chosen, List<SplitUnit> units) throws Exception {
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(kergBytes));
        Long election = findElection(admin, sha);
        if (election == null) {
            Session.Answer r = admin.upload("/api/setup/results", Map.of("format", "KERG2"), "file", "kerg2.csv", kergBytes);
            require(r, 201, "kerg2 import");
            election = findElection(admin, sha);
        }
        electionId = election;
        JsonNode e = JSON.readTree(require(admin.json("GET", "/api/setup/elections/" + electionId, null, Map.of()), 200,
                "election").body());
        dayId = e.get("electionDayId").asLong();

        Set<String> stations = new java.util.HashSet<>();
        for (JsonNode s : JSON.readTree(require(admin.json("GET", "/api/setup/days/" + dayId + "/stations", null, Map.of()),
                200, "stations").body())) {
            stations.add(text(s, "stationKey", "officialKey"));
        }
        for (KergArea c : chosen) {
            String key = "R" + c.key();
            if (!stations.contains(key)) {
                String body = JSON.writeValueAsString(Map.of("stationKey", key, "name", "Wahlräume " + c.name(),
                        "street", "Rathausplatz 1", "postalCode", "10115", "city", c.name().length() > 80
                                ? c.name().substring(0, 80) : c.name(),
                        "stepFree", true, "areaKey", c.key(), "areaHierarchy", "bundestag"));
                require(admin.json("POST", "/api/setup/days/" + dayId + "/stations", body, Map.of()), 201, "station " + key);
            }
        }
        loadUnitIds(admin);
        List<Map<String, Object>> missing = new ArrayList<>();
        for (SplitUnit u : units) {
            if (!unitIds.containsKey(u.key())) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("kind", u.kind().name());
                f.put("officialKey", u.key());
                f.put("name", u.name());
                if (u.kind() == UnitKind.POLLING) {
                    f.put("pollingStationKey", "R" + u.constituency());
                }
                f.put("areas", Map.of("bundestag", u.constituency()));
                missing.add(f);
            }
        }
        long t = System.nanoTime();
        for (int i = 0; i < missing.size(); i += 2000) {
            List<Map<String, Object>> batch = missing.subList(i, Math.min(missing.size(), i + 2000));
            require(admin.json("POST", "/api/setup/days/" + dayId + "/units/bulk", JSON.writeValueAsString(batch), Map.of(),
                    java.time.Duration.ofMinutes(5)),
                    201, "bulk units");
            out.printf("  districts created: %d/%d (%.0f/s)%n", i + batch.size(), missing.size(),
                    (i + batch.size()) / ((System.nanoTime() - t) / 1e9));
        }
        loadUnitIds(admin);

        // Staff per state: two clerks enter, two approvers confirm (two different people, § 71 BWO's spirit).
        Set<String> states = new java.util.TreeSet<>();
        chosen.forEach(c -> states.add(c.parentKey()));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        int n = 0;
        for (String state : states) {
            for (int i = 0; i < 2; i++) {
                clerks.computeIfAbsent(state, s -> new ArrayList<>()).add(account(admin, "CLERK", state, run, n++));
                approvers.computeIfAbsent(state, s -> new ArrayList<>()).add(account(admin, "APPROVER", state, run, n++));
            }
        }
        out.printf("  %d staff accounts invited and signed in%n", n);
    }

    private Long findElection(Session admin, String sha) {
        JsonNode sources = JSON.readTree(require(admin.json("GET", "/api/setup/results", null, Map.of()), 200, "sources").body());
        for (JsonNode s : sources) {
            if (sha.equals(s.path("sha256").asString("")) && "kerg2".equals(s.path("format").asString(""))
                    && !s.path("electionId").isNull()) {
                return s.get("electionId").asLong();
            }
        }
        return null;
    }

    private void loadUnitIds(Session admin) {
        JsonNode list = JSON.readTree(require(admin.json("GET", "/api/setup/days/" + dayId + "/units", null, Map.of()), 200,
                "units").body());
        for (JsonNode v : list) {
            JsonNode u = v.has("unit") ? v.get("unit") : v;
            unitIds.put(u.get("officialKey").asString(), u.get("id").asLong());
        }
    }

    private Session account(Session admin, String role, String state, String run, int n) {
        String username = "replay-" + run + "-" + role.toLowerCase() + "-" + n;
        admin.get("/admin/users/new");
        Map<String, String> f = new LinkedHashMap<>();
        f.put("username", username);
        f.put("displayName", "Replay " + role + " Land " + state);
        f.put("phone", "");
        f.put("role", role);
        f.put("scopeHierarchy", "bundestag");
        f.put("scopeKey", state);
        Session.Answer created = admin.form("/admin/users", f);
        if (created.status() != 302) {
            throw new IllegalStateException("inviting " + username + ": " + created.status());
        }
        Session.Answer page = admin.get(created.location().replaceFirst("^https?://[^/]+", ""));
        Matcher m = INVITE.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no invitation link for " + username);
        }
        String token = m.group(1);
        String node = o.nodes().get(n % o.nodes().size());
        Session s = new Session(node);
        Session.Answer link = s.get("/invite/" + token);
        Matcher secret = SECRET.matcher(link.body());
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Map<String, String> a = new LinkedHashMap<>();
        a.put("username", username);
        a.put("displayName", f.get("displayName"));
        a.put("password", password);
        a.put("passwordRepeat", password);
        a.put("secret", secret.find() ? secret.group(1) : "");
        a.put("code", "");
        Session.Answer done = s.form("/invite/" + token, a);
        if (done.status() != 302 || !s.login(username, password, null)) {
            throw new IllegalStateException("account " + username + " could not be completed: " + done.status());
        }
        return s;
    }

    // --- the night ---

    /** One thing a client does at its time: enter a version of a district's report, or approve it. */
    private final class Job implements Delayed {
        final SplitUnit unit;
        final long due;
        final boolean approve;
        /** 0: the (possibly mistyped) first entry, 1: the correction. */
        final int version;
        final long reportId;
        final int attempt;
        /** How much later than planned the report's earlier steps were done (nanoseconds). */
        final long lateBefore;

        Job(SplitUnit unit, long due, boolean approve, int version, long reportId, int attempt, long lateBefore) {
            this.unit = unit;
            this.due = due;
            this.approve = approve;
            this.version = version;
            this.reportId = reportId;
            this.attempt = attempt;
            this.lateBefore = lateBefore;
        }

        /** The lateness so far if this step ends now. */
        long lateNow() {
            return lateBefore + Math.max(0, System.nanoTime() - due);
        }

        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        public int compareTo(Delayed other) {
            return Long.compare(due, ((Job) other).due);
        }
    }

    /** Reports waiting to be typed in by clerks (and corrections). */
    private final DelayQueue<Job> queue = new DelayQueue<>();
    /**
     * Reports waiting for a second person. Approvers work beside the clerks, not after them: with
     * one queue, a backlog of reports due earlier kept every approval waiting behind it.
     */
    private final DelayQueue<Job> approvals = new DelayQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Set<String> mistyped = ConcurrentHashMap.newKeySet();
    /** When a district reports (minutes after 18:00) and whether its clerk mistypes it first. */
    record Arrival(SplitUnit unit, double minutes, boolean mistyped) {}

    /** The night's plan, deterministic from the seed. */
    static List<Arrival> arrivals(List<SplitUnit> units, long seed, double correctionShare) {
        Random plan = new Random(seed);
        List<Arrival> arrivals = new ArrayList<>(units.size());
        for (SplitUnit u : units) {
            // Minutes after 18:00: polling districts count from about 18:20, most report 19:00–21:00;
            // postal districts start counting later and report 19:30–22:00.
            double minutes = u.kind() == UnitKind.POLLING ? 12 + Math.exp(Math.log(85) + 0.35 * plan.nextGaussian())
                    : 30 + Math.exp(Math.log(110) + 0.3 * plan.nextGaussian());
            arrivals.add(new Arrival(u, Math.min(minutes, 360), plan.nextDouble() < correctionShare));
        }
        return arrivals;
    }

    /** Prints how long the compressed curve takes and what it asks for in its busiest minute. */
    static void printCurve(List<Arrival> arrivals, double compress, PrintStream out) {
        List<Double> seconds = arrivals.stream().map(r -> r.minutes() * 60 / compress).toList();
        double last = arrivals.stream().mapToDouble(Arrival::minutes).max().orElse(0);
        out.printf("Arrival curve: last report %.0f minutes after 18:00, compressed %.0f× into about %.0f s%n", last,
                compress, last * 60 / compress);
        // What the machine must confirm at the peak to keep up: beyond it reports queue, and the
        // requests' latency is that queue (Little's law), whatever a request itself costs.
        out.printf("Busiest minute of the curve: %.1f districts a second%n", busiestRate(seconds, 60));
    }

    /** The split and the arrival curve only, without a node ({@code ./wahlwerk replay --plan-only true}). */
    public void printPlan() {
        List<SplitUnit> units = units(constituencies());
        out.printf("Plan: %d districts (%d polling, %d postal), seed %d%n", units.size(),
                units.stream().filter(u -> u.kind() == UnitKind.POLLING).count(),
                units.stream().filter(u -> u.kind() == UnitKind.POSTAL).count(), o.seed());
        printCurve(arrivals(units, o.seed(), o.correctionShare()), o.compress(), out);
    }

    private List<SplitUnit> units(List<KergArea> chosen) {
        Map<String, UnitSplitter.Share> shares = UnitSplitter.shares(kerg.constituencies(), o.polling(), o.postal());
        List<SplitUnit> units = new ArrayList<>();
        for (KergArea c : chosen) {
            units.addAll(UnitSplitter.split(c, shares.get(c.key()), o.seed()));
        }
        return units;
    }

    private void night(List<SplitUnit> units) throws InterruptedException {
        long start = System.nanoTime();
        List<Arrival> arrivals = arrivals(units, o.seed(), o.correctionShare());
        for (Arrival r : arrivals) {
            if (r.mistyped()) {
                mistyped.add(r.unit().key());
            }
            open.incrementAndGet();
            queue.add(new Job(r.unit(), start + nanos(r.minutes()), false, 0, 0, 0, 0));
        }
        printCurve(arrivals, o.compress(), out);
        List<Thread> workers = new ArrayList<>();
        // Half the clients are clerks entering reports, half are approvers.
        int clerkClients = Math.max(1, (o.clients() + 1) / 2);
        for (int i = 0; i < o.clients(); i++) {
            boolean clerk = i < clerkClients || o.clients() == 1;
            DelayQueue<Job> from = clerk ? queue : approvals;
            Thread t = Thread.ofPlatform().name((clerk ? "replay-clerk-" : "replay-approver-") + i).daemon()
                    .start(() -> work(from));
            workers.add(t);
        }
        if (o.clients() == 1) {
            workers.add(Thread.ofPlatform().name("replay-approver").daemon().start(() -> work(approvals)));
        }
        Thread probe = Thread.ofPlatform().name("replay-probe").daemon().start(this::probe);
        int total = units.size();
        long lastPrint = System.nanoTime();
        int lastConfirmed = 0;
        while (open.get() > 0) {
            Thread.sleep(200);
            Runnable f = fault;
            if (f != null && confirmed.get() >= faultAt * total) {
                fault = null;
                out.printf("Fault injected at %d/%d confirmed%n", confirmed.get(), total);
                f.run();
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                int c = confirmed.get();
                double elapsed = (System.nanoTime() - start) / 1e9;
                double rate = (c - lastConfirmed) / ((System.nanoTime() - lastPrint) / 1e9);
                double eta = rate > 0 ? (total - c) / rate : Double.NaN;
                out.printf(java.util.Locale.ROOT, "  %5.0f s  confirmed %d/%d (%.0f %%), %.0f/s, submit %s (waiting for a turn p99=%.1f ms), eta %.0f s%n",
                        elapsed, c, total, 100.0 * c / total, rate, Stats.of(lastOf(submitted.total(), 2000)),
                        Stats.of(lastOf(submitted.queue(), 2000)).p99(), eta);
                lastPrint = System.nanoTime();
                lastConfirmed = c;
            }
        }
        workers.forEach(Thread::interrupt);
        probing = false;
        probe.join(30_000);
    }

    private static List<Long> lastOf(List<Long> l, int n) {
        synchronized (l) {
            return new ArrayList<>(l.subList(Math.max(0, l.size() - n), l.size()));
        }
    }

    /** The most arrivals per second in any window of {@code windowSeconds} (seconds after the start). */
    static double busiestRate(List<Double> seconds, double windowSeconds) {
        double[] t = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int most = 0;
        for (int first = 0, last = 0; last < t.length; last++) {
            while (t[last] - t[first] >= windowSeconds) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most / windowSeconds;
    }

    private long nanos(double minutes) {
        return (long) (minutes * 60e9 / o.compress());
    }

    private void work(DelayQueue<Job> from) {
        Random r = new Random();
        while (!Thread.currentThread().isInterrupted()) {
            Job job;
            try {
                job = from.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (job.approve) {
                    approve(job, r);
                } else {
                    submit(job, r);
                }
            } catch (RuntimeException e) {
                failures.add(job.unit.key() + ": " + e);
                open.decrementAndGet();
            }
        }
    }

    private void retry(Job job, long delayMillis) {
        retries.incrementAndGet();
        // A restarting node or database may take minutes on a loaded machine: back off up to 2 s, give up after ~20 min.
        delayMillis = Math.min(2000, delayMillis << Math.min(job.attempt, 3));
        if (job.attempt > 600) {
            failures.add(job.unit.key() + ": gave up after " + job.attempt + " attempts");
            open.decrementAndGet();
            return;
        }
        // The back-off counts as lateness too: without the failure the step would have been done now.
        long backOff = delayMillis * 1_000_000;
        (job.approve ? approvals : queue).add(new Job(job.unit, System.nanoTime() + backOff, job.approve, job.version, job.reportId,
                job.attempt + 1, job.lateNow() + backOff));
    }

    private Session pick(Map<String, List<Session>> staff, SplitUnit u, Random r) {
        String state = kerg.area(de.wahlwerk.core.model.AreaLevel.CONSTITUENCY, u.constituency()).orElseThrow().parentKey();
        List<Session> s = staff.get(state);
        return s.get(r.nextInt(s.size()));
    }

    private void submit(Job job, Random r) {
        SplitUnit u = job.unit;
        boolean wrong = job.version == 0 && mistyped.contains(u.key());
        Map<String, String> values = values(u, wrong);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unitId", unitIds.get(u.key()));
        body.put("values", values);
        body.put("warningReasons", Map.of());
        if (job.version == 1) {
            body.put("correctionReason", "Zahlendreher bei Zweitstimmen, Niederschrift nachgeprüft");
        }
        Session s = pick(clerks, u, r);
        String key = "replay-" + o.seed() + "-" + u.key() + "-v" + job.version;
        Session.Answer a = enter(s, electionId, body, key, "Niederschrift geprüft, Zahlen stimmen", submitted);
        if (handledTransient(job, s, a)) {
            return;
        }
        if (a.status() != 201 && a.status() != 200) {
            failures.add(u.key() + " entry: " + a.status() + " " + shorten(a.body()));
            open.decrementAndGet();
            return;
        }
        reports.incrementAndGet();
        long id = JSON.readTree(a.body()).get("reportId").asLong();
        // The approver looks at it a minute or two later (compressed with the night).
        approvals.add(new Job(u, System.nanoTime() + nanos(0.5 + 1.5 * r.nextDouble()), true, job.version, id, 0, job.lateNow()));
    }

    private void approve(Job job, Random r) {
        SplitUnit u = job.unit;
        Session s = pick(approvers, u, r);
        Session.Answer a = timed(s, "POST", "/api/entry/reports/" + job.reportId + "/approve", null, null, approved);
        if (handledTransient(job, s, a)) {
            return;
        }
        if (a.status() == 409) {
            // Decided before, but the answer was lost (node killed after commit): the history tells.
            Session.Answer h = s.json("GET", "/api/entry/elections/" + electionId + "/units/" + unitIds.get(u.key())
                    + "/reports", null, Map.of());
            if (handledTransient(job, s, h)) {
                return;
            }
            boolean done = false;
            for (JsonNode v : JSON.readTree(h.body())) {
                done |= v.get("id").asLong() == job.reportId && "CONFIRMED".equals(v.get("status").asString());
            }
            if (!done) {
                failures.add(u.key() + " approval: " + a.status() + " " + shorten(a.body()));
                open.decrementAndGet();
                return;
            }
        } else if (a.status() != 200) {
            failures.add(u.key() + " approval: " + a.status() + " " + shorten(a.body()));
            open.decrementAndGet();
            return;
        }
        long at = System.nanoTime();
        if (job.version == 0) {
            lateNanos.add(job.lateNow());
            int n = confirmedIn.computeIfAbsent(u.constituency(), c -> new AtomicInteger()).incrementAndGet();
            int c = confirmed.incrementAndGet();
            if (c % 5 == 0) {
                probes.add(new Probe(u.constituency(), n, at));
            }
        }
        if (job.version == 0 && mistyped.contains(u.key())) {
            // Somebody notices the transposed digits on the results page and the office corrects it.
            corrections.incrementAndGet();
            queue.add(new Job(u, System.nanoTime() + nanos(3 + 10 * r.nextDouble()), false, 1, 0, 0, 0));
            return;
        }
        open.decrementAndGet();
    }

    /** Not answered, 5xx or signed out: try again later with the same idempotency key. */
    private boolean handledTransient(Job job, Session s, Session.Answer a) {
        if (a.unreachable() || a.status() >= 500) {
            retry(job, 250);
            return true;
        }
        // After a node restart the session (and its CSRF token) is gone: 401, or 403 for the token.
        // Every replay account may act in its state; a 403 that persists ends in the attempt limit.
        if (a.status() == 401 || a.status() == 403) {
            synchronized (s) {
                s.relogin();
            }
            retry(job, 50);
            return true;
        }
        return false;
    }

    /**
     * Enters a report into an election. Plausibility warnings need a reason; a clerk gives one
     * after checking the paper (the values are right). Tonight's averages move while the clerk
     * types, so a new warning can appear on the second try: answer each, a few rounds at most.
     * Each request's latency goes into {@code into} (null: not timed).
     */
    private Session.Answer enter(Session s, long election, Map<String, Object> body, String key, String reason, Timed into) {
        String path = "/api/entry/elections/" + election + "/reports";
        Session.Answer a = timed(s, "POST", path, body, key, into);
        Map<String, String> reasons = new LinkedHashMap<>();
        for (int round = 0; round < 3 && a.status() == 400 && a.body().contains("warning."); round++) {
            Matcher m = WARNING.matcher(a.body());
            while (m.find()) {
                reasons.put(m.group(1), reason);
            }
            body.put("warningReasons", reasons);
            a = timed(s, "POST", path, body, key, into);
        }
        return a;
    }

    private Session.Answer timed(Session s, String method, String path, Map<String, Object> body, String key, Timed into) {
        long t = System.nanoTime();
        Session.Answer a = s.json(method, path, body == null ? null : JSON.writeValueAsString(body),
                key == null ? Map.of() : Map.of("Idempotency-Key", key));
        if (into != null && !a.unreachable() && a.status() < 300) {
            into.add(System.nanoTime() - t, QueueTiming.nanos(a.headers()));
        }
        return a;
    }

    /** The district's numbers under the letters of its form; {@code wrong}: five second votes of the strongest list typed into the next. */
    private Map<String, String> values(SplitUnit u, boolean wrong) {
        KergArea c = kerg.area(de.wahlwerk.core.model.AreaLevel.CONSTITUENCY, u.constituency()).orElseThrow();
        Map<String, String> v = new LinkedHashMap<>();
        if (u.kind() == UnitKind.POLLING) {
            v.put("A1", Long.toString(u.eligible() - u.eligibleWithCard()));
            v.put("A2", Long.toString(u.eligibleWithCard()));
            v.put("A3", "0");
            v.put("A", Long.toString(u.eligible()));
        }
        v.put("B", Long.toString(u.voters()));
        v.put("B1", Long.toString(u.votersWithCard()));
        Map<Integer, Long> first = u.votes().get(VoteKind.FIRST);
        long firstValid = first.values().stream().mapToLong(Long::longValue).sum();
        v.put("C", Long.toString(u.invalid().get(VoteKind.FIRST)));
        v.put("D", Long.toString(firstValid));
        for (var e : new TreeMap<>(first).entrySet()) {
            v.put("D" + e.getKey(), Long.toString(e.getValue()));
        }
        Map<Integer, Long> second = new TreeMap<>();
        statePositions(c).forEach((pos, statePos) -> second.put(statePos, u.votes().get(VoteKind.SECOND).getOrDefault(pos, 0L)));
        long secondValid = u.votes().get(VoteKind.SECOND).values().stream().mapToLong(Long::longValue).sum();
        if (wrong && second.size() > 1) {
            int top = second.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int other = second.keySet().stream().filter(p -> p != top).findFirst().orElseThrow();
            long moved = Math.min(5, second.get(top));
            second.merge(top, -moved, Long::sum);
            second.merge(other, moved, Long::sum);
        }
        v.put("E", Long.toString(u.invalid().get(VoteKind.SECOND)));
        v.put("F", Long.toString(secondValid));
        second.forEach((p, n) -> v.put("F" + p, Long.toString(n)));
        return v;
    }

    private final Map<String, Map<Integer, Integer>> statePositions = new ConcurrentHashMap<>();

    /** Constituency's second-vote position → ballot position of the same Landesliste in the state (as the import numbered them). */
    private Map<Integer, Integer> statePositions(KergArea c) {
        return statePositions.computeIfAbsent(c.key(), k -> {
            KergArea state = kerg.area(c.parentLevel(), c.parentKey()).orElseThrow();
            VoteCounts sv = state.counts().votes(VoteKind.SECOND);
            Map<Integer, Integer> map = new TreeMap<>();
            for (KergGroup g : state.groups()) {
                if (g.isOthers() || g.kind() == null || sv.votesFor(g.position()) == null) {
                    continue;
                }
                int own = c.groups().stream().filter(x -> x.name().equals(g.name())).mapToInt(KergGroup::position)
                        .findFirst().orElse(-g.position());
                map.put(own, g.position());
            }
            return map;
        });
    }

    // --- confirmed → public ---

    private record Probe(String constituency, int atLeast, long confirmedAt) {}

    private final java.util.concurrent.LinkedBlockingQueue<Probe> probes = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean probing = true;

    /** Sampled confirmations not seen in the public JSON within a minute. */
    private final AtomicInteger invisible = new AtomicInteger();
    /** Sampled confirmations not seen in the public HTML page within a minute. */
    private final AtomicInteger invisiblePage = new AtomicInteger();
    private final List<Long> visiblePageNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Sampled confirmations not seen in the static snapshot on disk within a minute. */
    private final AtomicInteger invisibleSnapshot = new AtomicInteger();
    private final List<Long> visibleSnapshotNanos = java.util.Collections.synchronizedList(new ArrayList<>());
    /** The nodes' public folder (its {@code current} link), when the replay started them itself. */
    private volatile Path snapshotRoot;

    /** Also times confirmed → visible in the static snapshot under {@code publicFolder/current}. */
    public void snapshotsAt(Path publicFolder) {
        this.snapshotRoot = publicFolder;
    }

    private static final java.util.regex.Pattern PAGE_REPORTED = java.util.regex.Pattern.compile("data-units-reported=\"(\\d+)\"");

    /** One public document a sample must appear in: the constituency's JSON, its German page, or the JSON in the snapshot on disk. */
    private record Channel(String name, String suffix, java.util.function.ToIntFunction<String> reported, List<Long> nanos,
            AtomicInteger unseen, boolean onDisk, java.util.concurrent.BlockingQueue<Probe> arrivals, int pauseMillis) {}

    /**
     * Watches the public JSON, the German page and (when known) the snapshot's JSON of the
     * constituencies with a sampled confirmation until each shows it (the page by its
     * {@code data-units-reported}). Each document has its own thread, and each round asks for every
     * outstanding constituency in turn (one conditional request each, 304 while unchanged, a
     * fraction of a millisecond): a sample is timed by the answer that shows it, and a slow page
     * does not hold back the JSON's samples.
     */
    private void probe() {
        java.util.function.ToIntFunction<String> jsonReported = body -> JSON.readTree(body).path("status").path("unitsReported").asInt();
        List<Channel> channels = new ArrayList<>(List.of(
                new Channel("json", ".json", jsonReported, visibleNanos, invisible, false, new java.util.concurrent.LinkedBlockingQueue<>(), 20),
                new Channel("page", ".html", body -> {
                    java.util.regex.Matcher m = PAGE_REPORTED.matcher(body);
                    return m.find() ? Integer.parseInt(m.group(1)) : 0;
                }, visiblePageNanos, invisiblePage, false, new java.util.concurrent.LinkedBlockingQueue<>(), PAUSE_SLOW)));
        if (snapshotRoot != null) {
            // The same JSON as nginx or a CDN would serve it from the snapshot's current generation.
            channels.add(new Channel("snapshot", ".json", jsonReported, visibleSnapshotNanos, invisibleSnapshot, true,
                    new java.util.concurrent.LinkedBlockingQueue<>(), PAUSE_SLOW));
        }
        List<Thread> watchers = channels.stream()
                .map(ch -> Thread.ofPlatform().name("replay-probe-" + ch.name()).daemon().start(() -> watch(ch))).toList();
        List<Probe> arrived = new ArrayList<>();
        try {
            while (probing || !probes.isEmpty()) {
                Probe p = probes.poll(200, TimeUnit.MILLISECONDS);
                if (p != null) {
                    arrived.add(p);
                    probes.drainTo(arrived);
                    for (Channel ch : channels) {
                        ch.arrivals().addAll(arrived);
                    }
                    arrived.clear();
                }
            }
            channelsDone = true;
            for (Thread t : watchers) {
                t.join();
            }
        } catch (InterruptedException e) {
            watchers.forEach(Thread::interrupt);
        }
    }

    /** Set once every sample has been handed to the channels: they stop when theirs are seen. */
    private volatile boolean channelsDone;

    private void watch(Channel ch) {
        List<String> nodes = o.publicNodes();
        Path snapshots = snapshotRoot;
        // Blocking requests on this thread, one after another (Session): the JDK's HttpClient hands
        // each answer between its selector and worker threads, which cost the replay client more
        // system calls and context switches than the clerks and approvers together (session 19).
        Map<String, Session> clients = new java.util.HashMap<>();
        // By node and constituency: a 304 from a node means what that node last answered.
        Map<String, String> etags = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Integer> reportedByNode = new java.util.concurrent.ConcurrentHashMap<>();
        // By constituency: what the answer of this round showed.
        Map<String, Integer> reportedNow = new java.util.concurrent.ConcurrentHashMap<>();
        List<Probe> outstanding = new ArrayList<>();
        int round = 0;
        while (!(channelsDone && ch.arrivals().isEmpty() && outstanding.isEmpty())) {
            try {
                if (outstanding.isEmpty()) {
                    Probe p = ch.arrivals().poll(200, TimeUnit.MILLISECONDS);
                    if (p != null) {
                        outstanding.add(p);
                    }
                }
                ch.arrivals().drainTo(outstanding);
                if (outstanding.isEmpty()) {
                    continue;
                }
                Set<String> constituencies = new java.util.TreeSet<>();
                outstanding.forEach(p -> constituencies.add(p.constituency()));
                Map<String, Long> seenAt = new java.util.concurrent.ConcurrentHashMap<>();
                if (ch.onDisk()) {
                    for (String c : constituencies) {
                        Path file = snapshots.resolve("current/wahlen/" + electionId + "/bundestag/" + c + ch.suffix());
                        try {
                            reportedNow.put(c, ch.reported().applyAsInt(java.nio.file.Files.readString(file)));
                            seenAt.put(c, System.nanoTime());
                        } catch (java.io.IOException | RuntimeException e) {
                            // not written yet, or a generation pruned under the read: next round
                        }
                    }
                } else {
                    String node = nodes.get(round++ % nodes.size());
                    Session http = clients.computeIfAbsent(node, Session::new);
                    for (String c : constituencies) {
                        String key = node + c;
                        Session.Answer a = http.conditional("/wahlen/" + electionId + "/bundestag/" + c + ch.suffix(), etags.get(key),
                                java.time.Duration.ofSeconds(10));
                        long seen = System.nanoTime(); // each sample is timed by the answer that shows it
                        if (a.unreachable()) {
                            break; // a node down (fault runs): its samples wait for the next round
                        }
                        if (a.status() == 200) {
                            try {
                                reportedByNode.put(key, ch.reported().applyAsInt(a.body()));
                            } catch (RuntimeException e) {
                                continue; // not the document expected (an error page): asked again next round
                            }
                            List<String> etag = a.headers().get("etag");
                            if (etag != null && !etag.isEmpty()) {
                                etags.put(key, etag.get(0));
                            }
                        }
                        Integer reported = reportedByNode.get(key);
                        if (reported != null) {
                            reportedNow.put(c, reported);
                            seenAt.put(c, seen);
                        }
                    }
                }
                outstanding.removeIf(p -> {
                    Long seen = seenAt.get(p.constituency());
                    if (seen != null && reportedNow.getOrDefault(p.constituency(), 0) >= p.atLeast()) {
                        ch.nanos().add(seen - p.confirmedAt());
                        return true;
                    }
                    if (System.nanoTime() - p.confirmedAt() > 60_000_000_000L) {
                        ch.unseen().incrementAndGet(); // not seen within a minute: counted, not timed
                        return true;
                    }
                    return false;
                });
                Thread.sleep(ch.pauseMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Pause between rounds for the page and the snapshot, which take seconds: asking every 20 ms
     * for each outstanding page made the probe cost the replay client 2 ms of CPU per district
     * (national replay), which the node then lacked. The JSON, timed in milliseconds, is asked
     * every 20 ms.
     */
    private static final int PAUSE_SLOW = 100;

    // --- checks ---

    private int verify(List<KergArea> chosen, List<SplitUnit> units, List<String> mismatches) throws InterruptedException {
        List<KergArea> areas = new ArrayList<>(chosen);
        Set<String> states = new java.util.TreeSet<>();
        chosen.forEach(c -> states.add(c.parentKey()));
        states.forEach(s -> areas.add(kerg.area(de.wahlwerk.core.model.AreaLevel.STATE, s).orElseThrow()));
        if (o.states().isEmpty()) {
            areas.add(kerg.federation());
        }
        int compared = 0;
        for (String node : o.nodes()) {
            Session pub = new Session(node);
            // Publishing runs behind confirmation; wait until the federation (or each state) counts every district.
            long deadline = System.nanoTime() + 120_000_000_000L;
            for (KergArea a : areas) {
                if (a.level() == de.wahlwerk.core.model.AreaLevel.CONSTITUENCY) {
                    continue;
                }
                long expected = units.stream().filter(u -> stateOf(u).equals(a.key()) || a.level() == de.wahlwerk.core.model.AreaLevel.FEDERATION).count();
                while (System.nanoTime() < deadline) {
                    Session.Answer r = pub.get(path(a));
                    if (r.status() == 200 && JSON.readTree(r.body()).path("status").path("unitsReported").asLong() >= expected) {
                        break;
                    }
                    Thread.sleep(250);
                }
            }
            // Corrections do not change the count of districts: compare until equal or a deadline passes.
            List<String> found;
            int n;
            do {
                found = new ArrayList<>();
                n = 0;
                for (KergArea a : areas) {
                    Session.Answer r = pub.get(path(a));
                    if (r.status() != 200) {
                        found.add(node + " " + a.name() + ": public JSON " + r.status());
                        continue;
                    }
                    n += compare(node, a, JSON.readTree(r.body()), found);
                }
                if (!found.isEmpty()) {
                    Thread.sleep(1000);
                }
            } while (!found.isEmpty() && System.nanoTime() < deadline);
            compared += n;
            mismatches.addAll(found);
        }
        return compared;
    }

    private String stateOf(SplitUnit u) {
        return kerg.area(de.wahlwerk.core.model.AreaLevel.CONSTITUENCY, u.constituency()).orElseThrow().parentKey();
    }

    private String path(KergArea a) {
        return "/wahlen/" + electionId + "/bundestag/" + a.key() + ".json";
    }

    private int compare(String node, KergArea a, JsonNode doc, List<String> mismatches) {
        int n = 0;
        n += eq(node, a, "eligible", a.counts().eligible(), doc.path("eligible").asLong(-1), mismatches);
        n += eq(node, a, "voters", a.counts().voters(), doc.path("voters").asLong(-1), mismatches);
        Map<String, Long> valid = new HashMap<>();
        Map<String, Long> byGroup = new HashMap<>();
        for (JsonNode row : doc.path("votes")) {
            String kind = row.path("voteKind").asString();
            long votes = row.path("votes").asLong();
            valid.merge(kind, votes, Long::sum);
            byGroup.merge(kind + "|" + row.path("group").asString(), votes, Long::sum);
        }
        for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
            VoteCounts v = a.counts().votes(kind);
            n += eq(node, a, kind + " valid", v.valid(), valid.getOrDefault(kind.name(), -1L), mismatches);
            for (KergGroup g : a.groups()) {
                Long votes = v.votesFor(g.position());
                if (g.isOthers() || g.kind() != GroupKind.PARTY || votes == null) {
                    continue; // independents have their own keys per constituency; their votes are in "valid"
                }
                String name = g.name().length() > 100 ? g.name().substring(0, 100) : g.name();
                n += eq(node, a, kind + " " + name, votes, byGroup.getOrDefault(kind.name() + "|" + name, 0L), mismatches);
            }
        }
        return n;
    }

    private static int eq(String node, KergArea a, String what, long expected, long actual, List<String> mismatches) {
        if (expected != actual) {
            mismatches.add(node + " " + a.level() + " " + a.key() + " " + a.name() + " " + what + ": kerg2 " + expected
                    + ", Wahlwerk " + actual);
        }
        return 1;
    }

    private Map<String, Integer> verifySeats(Session admin, List<String> mismatches) {
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        int rc = de.wahlwerk.core.seats.cli.SeatsFileCommand.run(new String[] {"bundestag-2025", o.kerg2().toString()},
                new PrintStream(csv, true, java.nio.charset.StandardCharsets.UTF_8), new PrintStream(java.io.OutputStream.nullOutputStream()));
        Map<String, Integer> official = new TreeMap<>();
        for (String line : csv.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.strip().split(";");
            if (f.length == 2 && f[1].matches("\\d+")) {
                official.put(f[0], Integer.parseInt(f[1]));
            }
        }
        Session.Answer r = admin.json("GET", "/api/results/elections/" + electionId + "/seats", null, Map.of());
        Map<String, Integer> live = new TreeMap<>();
        if (r.status() == 200) {
            for (JsonNode p : JSON.readTree(r.body()).path("parties")) {
                if (p.path("seats").asInt() > 0) {
                    live.put(p.path("party").asString(), p.path("seats").asInt());
                }
            }
        }
        official.values().removeIf(v -> v == 0);
        if (rc != 0 || official.isEmpty() || !official.equals(live)) {
            mismatches.add("seats: official " + official + ", Wahlwerk " + live + " (" + r.status() + ")");
        }
        return live;
    }

    // --- helpers ---

    private static Session.Answer require(Session.Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + ": HTTP " + a.status() + " " + shorten(a.body()));
        }
        return a;
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            if (n.hasNonNull(name)) {
                return n.get(name).asString();
            }
        }
        return "";
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
