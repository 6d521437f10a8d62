package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public read load in the three states of a night that issue 6 compares: nothing reported yet,
 * reports being confirmed, everything reported. Each phase is one wrk run of fixed length on the
 * same URL of the node's public listener; the read path should not care which state it is in.
 * <p>
 * Two kinds of run per state. A saturating run measures throughput; its latency is mostly the
 * queue of wrk's own connections on a core that wrk shares with the listener (Little's law), so
 * its p99 moved between 0.5 and 1.8 ms from run to run in the same state. A paced run (each
 * connection waits a millisecond after every answer, wrk's {@code delay()}) keeps the core far from
 * saturation: its latency is the read path's own, and a stall of the node shows in its p99.
 */
final class ReadPhases {

    /** One phase's wrk figures (latencies in milliseconds). */
    record Phase(String name, double requestsPerSecond, double p50, double p99, long non2xx, long socketErrors, ListenerTime listener,
            CoreInterrupts interrupts) {
        Phase(String name, double requestsPerSecond, double p50, double p99, long non2xx, long socketErrors) {
            this(name, requestsPerSecond, p50, p99, non2xx, socketErrors, ListenerTime.UNKNOWN, CoreInterrupts.UNKNOWN);
        }

        boolean paced() {
            return name.contains(PACED);
        }

        boolean reference() {
            return name.endsWith(NGINX);
        }
    }

    /** Suffix of the paced runs' names. */
    static final String PACED = " · paced";
    /** Connections of the paced runs ({@code --read-paced}; 0: none). */
    static volatile int pacedConnections = 8;
    /** Suffix of the reference runs' names. */
    static final String NGINX = " · nginx";
    /** nginx on the static snapshot ({@link ReferenceNginx}), or null: none. */
    static volatile String reference;

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private ReadPhases() {}

    /** The nodes whose listener threads' CPU and wait each run reports ({@link ListenerTime}). */
    static volatile List<Long> nodePids = List.of();

    /** Set when the public read path has a core of its own ({@code --pin-public}): wrk runs there too. */
    static volatile CpuPinning pinning;

    private static List<String> command(List<String> wrk) {
        CpuPinning p = pinning;
        return p == null ? wrk : p.wrk(wrk);
    }

    /**
     * Runs wrk {@code times} times in a row for one state of the night. On the shared VMs of this
     * project two idle 15-second runs differed by up to a fifth, so one run per state cannot show
     * a difference of a tenth; the medians of several can.
     */
    static List<Phase> measure(String name, String url, int connections, int seconds, int times)
            throws IOException, InterruptedException {
        List<Phase> runs = new java.util.ArrayList<>();
        String path = java.net.URI.create(url).getRawPath();
        for (int i = 0; i < times; i++) {
            runs.add(measure(name, url, connections, seconds));
            if (reference != null) {
                runs.add(measure(name + NGINX, reference + path, connections, seconds));
            }
            if (pacedConnections > 0) {
                runs.add(measurePaced(name + PACED, url, pacedConnections, seconds));
                if (reference != null) {
                    runs.add(measurePaced(name + PACED + NGINX, reference + path, pacedConnections, seconds));
                }
            }
        }
        return runs;
    }

    /**
     * A wrk run whose connections each wait a millisecond after every answer before they ask again
     * (wrk's {@code delay()}; the time of a request starts when it is sent, not when it was due). With
     * 8 connections that is a few thousand requests a second, a tenth of what the listener serves.
     */
    static Phase measurePaced(String name, String url, int connections, int seconds) throws IOException, InterruptedException {
        return run(name, url, List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-s", pacingScript().toString(), "-H", "Accept-Encoding: gzip", url));
    }

    private static java.nio.file.Path pacingScript;

    private static synchronized java.nio.file.Path pacingScript() throws IOException {
        if (pacingScript == null) {
            pacingScript = java.nio.file.Files.createTempFile("wahlwerk-paced", ".lua");
            pacingScript.toFile().deleteOnExit();
            try (var in = ReadPhases.class.getResourceAsStream("/paced.lua")) {
                java.nio.file.Files.write(pacingScript, in.readAllBytes());
            }
        }
        return pacingScript;
    }

    /**
     * Runs wrk for {@code seconds} with {@code connections} connections (one thread) and reads its
     * summary. It asks for gzip as browsers do and as the comparison with nginx does
     * (bench/wrk/public-read.sh): the read path serves compressed bytes it holds ready.
     */
    static Phase measure(String name, String url, int connections, int seconds) throws IOException, InterruptedException {
        return run(name, url, List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--latency",
                "-H", "Accept-Encoding: gzip", url));
    }

    private static Phase run(String name, String url, List<String> wrkCommand) throws IOException, InterruptedException {
        awaitPublished(url);
        ListenerTime before = ListenerTime.of(nodePids);
        int core = pinning == null ? -1 : pinning.publicCore();
        CoreInterrupts interruptsBefore = CoreInterrupts.of(core);
        Process wrk = new ProcessBuilder(command(wrkCommand)).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        Phase p = parse(name, out);
        ListenerTime used = ListenerTime.of(nodePids).since(before);
        CoreInterrupts interrupts = CoreInterrupts.of(core).since(interruptsBefore);
        return new Phase(p.name(), p.requestsPerSecond(), p.p50(), p.p99(), p.non2xx(), p.socketErrors(),
                p.reference() ? ListenerTime.UNKNOWN : used, interrupts);
    }

    /**
     * Runs wrk without recording until two runs in a row agree within 5 % (at most twelve runs):
     * the first phase would otherwise measure the JIT compiling the read path. On a fresh node
     * whose compiler shares a core with the set-up's and the first publication's code, the read
     * path kept getting faster for more than 30 s (docs/PERFORMANCE.md).
     */
    static void warmUp(String url, int connections, int seconds) throws IOException, InterruptedException {
        double last = Double.NaN;
        List<String> rates = new java.util.ArrayList<>();
        for (int i = 0; i < MAX_WARM_UP_RUNS; i++) {
            double now = measure("warm-up", url, connections, seconds).requestsPerSecond();
            rates.add(String.format(java.util.Locale.ROOT, "%.0f", now));
            if (steady(last, now)) {
                break;
            }
            last = now;
        }
        System.out.println("Read path warmed up (requests/s per run): " + String.join(", ", rates));
    }

    static final int MAX_WARM_UP_RUNS = 12;

    /** Whether two warm-up runs in a row agree within 5 %. */
    static boolean steady(double before, double now) {
        return !Double.isNaN(before) && Math.abs(now - before) <= 0.05 * Math.max(now, before);
    }

    /** Before the first report the page appears with the first publication after polls close: wait for it (≤ 2 min). */
    private static void awaitPublished(String url) throws IOException, InterruptedException {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        int status = 0;
        for (long until = System.nanoTime() + 120_000_000_000L; System.nanoTime() < until; Thread.sleep(200)) {
            status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return;
            }
        }
        throw new IllegalStateException(url + " not published within 2 min (last status " + status + ")");
    }

    static Phase parse(String name, String wrkOutput) {
        Matcher rps = RPS.matcher(wrkOutput);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in wrk's output: " + wrkOutput);
        }
        double p50 = Double.NaN;
        double p99 = Double.NaN;
        Matcher p = PERCENTILE.matcher(wrkOutput);
        while (p.find()) {
            double ms = Double.parseDouble(p.group(2)) * switch (p.group(3)) {
                case "us" -> 0.001;
                case "s" -> 1000;
                default -> 1;
            };
            if (p.group(1).equals("50")) {
                p50 = ms;
            } else {
                p99 = ms;
            }
        }
        Matcher n = NON_2XX.matcher(wrkOutput);
        long non2xx = n.find() ? Long.parseLong(n.group(1)) : 0;
        Matcher e = ERRORS.matcher(wrkOutput);
        long errors = 0;
        if (e.find()) {
            for (int i = 1; i <= 4; i++) {
                errors += Long.parseLong(e.group(i));
            }
        }
        return new Phase(name, Double.parseDouble(rps.group(1)), p50, p99, non2xx, errors);
    }

    /**
     * The runs side by side, then per state the median run's figures relative to the first state's
     * (issue 6 asks them to stay within 10 % of each other): the app's saturating runs, nginx's,
     * and the app's paced runs apart. With nginx, also the app's share of nginx's throughput per
     * pair of runs, whose median compares the states apart from the machine's own changes.
     */
    static void print(List<Phase> phases) {
        System.out.println();
        System.out.println("Public read path in the three states of the night (wrk, same URL, public listener):");
        System.out.printf("  %-44s %12s %9s %9s %9s %8s %8s %13s %13s %11s %11s %11s%n", "phase", "requests/s", "vs first", "p50 ms", "p99 ms",
                "non-2xx", "errors", "listener CPU", "waited for it", "call IPIs", "resched.", "device IRQs");
        for (Phase ph : phases) {
            Phase first = phases.stream().filter(f -> kind(f).equals(kind(ph))).findFirst().orElseThrow();
            System.out.printf("  %-44s %12.0f %8.0f %% %9.3f %9.3f %8d %8d %13s %13s %11s %11s %11s%n", ph.name(), ph.requestsPerSecond(),
                    100 * ph.requestsPerSecond() / first.requestsPerSecond(), ph.p50(), ph.p99(), ph.non2xx(), ph.socketErrors(),
                    millis(ph.listener().cpuNanos()), millis(ph.listener().waitNanos()), count(ph.interrupts().calls()),
                    count(ph.interrupts().reschedules()), count(ph.interrupts().devices()));
        }
        for (String kind : List.of(APP_SATURATING, NGINX_SATURATING, APP_PACED, NGINX_PACED)) {
            printMedians(kind, phases.stream().filter(ph -> kind(ph).equals(kind)).toList());
        }
        printRatios("App's throughput as a share of nginx's in the run right after it, median per state:", sharesOfReference(phases));
        printRatios("App's saturating p99 against nginx's in the run right after it, median per state:",
                ratiosToReference(phases, APP_SATURATING, Phase::p99));
        printRatios("App's paced p99 against nginx's paced run right after it, median per state:",
                ratiosToReference(phases, APP_PACED, Phase::p99));
    }

    private static void printRatios(String title, java.util.Map<String, Double> ratios) {
        if (ratios.isEmpty()) {
            return;
        }
        System.out.println(title);
        double first = ratios.values().iterator().next();
        ratios.forEach((state, r) -> System.out.printf("  %-44s %8.2f× nginx %8.0f %% of the first state%n", state, r, 100 * r / first));
    }

    /**
     * Per state, the median over its runs of the app's saturating throughput divided by that of the
     * nginx run right after it (in the order of the states).
     */
    static java.util.Map<String, Double> sharesOfReference(List<Phase> phases) {
        return ratiosToReference(phases, APP_SATURATING, Phase::requestsPerSecond);
    }

    /**
     * Per state, the median over its runs of the app's figure divided by that of the nginx run of
     * the same kind right after it. nginx shares the core, the machine and the moment, not the
     * JVM: what moves both is the machine, what moves the ratio is the app (the project's rule to
     * measure ratios side by side on this two-core machine).
     */
    static java.util.Map<String, Double> ratiosToReference(List<Phase> phases, String appKind,
            java.util.function.ToDoubleFunction<Phase> figure) {
        String nginxKind = appKind.equals(APP_PACED) ? NGINX_PACED : NGINX_SATURATING;
        java.util.Map<String, List<Double>> byState = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < phases.size(); i++) {
            Phase app = phases.get(i);
            Phase nginx = phases.get(i + 1);
            if (kind(app).equals(appKind) && kind(nginx).equals(nginxKind)) {
                byState.computeIfAbsent(app.name(), k -> new java.util.ArrayList<>())
                        .add(figure.applyAsDouble(app) / figure.applyAsDouble(nginx));
            }
        }
        java.util.Map<String, Double> ratios = new java.util.LinkedHashMap<>();
        byState.forEach((state, r) -> ratios.put(state, median(r.stream().mapToDouble(Double::doubleValue).toArray())));
        return ratios;
    }

    private static String count(long n) {
        return n < 0 ? "—" : Long.toString(n);
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "—" : (nanos / 1_000_000) + " ms";
    }

    static final String APP_SATURATING = "app, saturating";
    static final String NGINX_SATURATING = "nginx, saturating";
    static final String APP_PACED = "app, paced";
    static final String NGINX_PACED = "nginx, paced";

    private static String kind(Phase ph) {
        return ph.reference() ? ph.paced() ? NGINX_PACED : NGINX_SATURATING : ph.paced() ? APP_PACED : APP_SATURATING;
    }

    private static void printMedians(String kind, List<Phase> phases) {
        java.util.Map<String, List<Phase>> byState = new java.util.LinkedHashMap<>();
        phases.forEach(ph -> byState.computeIfAbsent(ph.name(), k -> new java.util.ArrayList<>()).add(ph));
        if (byState.size() == phases.size()) {
            return;
        }
        System.out.println("Medians per state, " + kind + " (issue 6: within 10 % of each other):");
        System.out.printf("  %-44s %5s %12s %9s %9s %9s %9s%n", "state", "runs", "requests/s", "vs first", "p50 ms", "p99 ms", "vs first");
        double rps0 = Double.NaN;
        double p990 = Double.NaN;
        for (var e : byState.entrySet()) {
            double rps = median(e.getValue().stream().mapToDouble(Phase::requestsPerSecond).toArray());
            double p50 = median(e.getValue().stream().mapToDouble(Phase::p50).toArray());
            double p99 = median(e.getValue().stream().mapToDouble(Phase::p99).toArray());
            if (Double.isNaN(rps0)) {
                rps0 = rps;
                p990 = p99;
            }
            System.out.printf("  %-44s %5d %12.0f %8.0f %% %9.3f %9.3f %8.0f %%%n", e.getKey(), e.getValue().size(), rps,
                    100 * rps / rps0, p50, p99, 100 * p99 / p990);
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
