package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The collector's stop-the-world pauses in a part of a node's GC log ({@code -Xlog:gc*}): how many,
 * how long, and the CPU the pause workers spent in user and kernel mode. Every pause stops every
 * request in the node, so a night's submission p99 cannot be below its longer pauses; and kernel
 * time in a pause is the kernel handing out memory the heap touches for the first time (on the VMs
 * here, whose freed memory goes back to the host, that is slow: docs/PERFORMANCE.md, session 18).
 */
record GcPauses(List<Double> millis, double userSeconds, double sysSeconds) {

    /** "[12.345s] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 100M->20M(256M) 3.456ms" and remark, cleanup, full. */
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms$");
    private static final Pattern TIMES = Pattern.compile("GC\\(\\d+\\) User=(\\d+(?:\\.\\d+)?)s Sys=(\\d+(?:\\.\\d+)?)s Real=");

    /** The pauses logged after byte {@code from} of {@code gcLog} (its size when the part began). */
    static GcPauses read(Path gcLog, long from) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(gcLog.toFile(), "r")) {
            f.seek(Math.min(from, f.length()));
            byte[] rest = new byte[(int) (f.length() - f.getFilePointer())];
            f.readFully(rest);
            return parse(new String(rest, StandardCharsets.UTF_8).lines().toList());
        }
    }

    static GcPauses parse(List<String> lines) {
        List<Double> pauses = new ArrayList<>();
        double user = 0;
        double sys = 0;
        for (String line : lines) {
            Matcher p = PAUSE.matcher(line);
            if (p.find()) {
                pauses.add(Double.parseDouble(p.group(1)));
                continue;
            }
            Matcher t = TIMES.matcher(line);
            if (t.find()) {
                user += Double.parseDouble(t.group(1));
                sys += Double.parseDouble(t.group(2));
            }
        }
        return new GcPauses(pauses.stream().sorted().toList(), user, sys);
    }

    double totalMillis() {
        return millis.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The pause at quantile {@code q} (0–1), 0 without pauses. */
    double quantile(double q) {
        return millis.isEmpty() ? 0 : millis.get((int) Math.floor((millis.size() - 1) * q));
    }

    long longerThan(double limitMillis) {
        return millis.stream().filter(m -> m > limitMillis).count();
    }

    /** One line for the replay's report; {@code wallSeconds} is the part's length. */
    String describe(double wallSeconds) {
        return String.format(Locale.ROOT,
                "%d pauses, %.1f s in all (%.1f %% of %.0f s); p50 %.1f ms, p99 %.1f ms, longest %.1f ms; "
                        + "%d longer than 50 ms, %d longer than 100 ms; pause workers' CPU: user %.1f s, kernel %.1f s",
                millis.size(), totalMillis() / 1000, wallSeconds > 0 ? totalMillis() / 10 / wallSeconds : 0, wallSeconds,
                quantile(0.5), quantile(0.99), quantile(1), longerThan(50), longerThan(100), userSeconds, sysSeconds);
    }
}
