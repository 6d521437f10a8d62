package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a node's class log ({@code -Xlog:class+load:...:utctime}, {@link ServerProcess#classLog()})
 * and its console: which classes it loaded from its own jars after its port opened. Those are the
 * ones a crowd arriving at once waits for inside class loading, where virtual threads pin their
 * carriers (ADR 0016).
 */
public final class ClassLoadLog {

    /** {@code [2026-12-03T09:24:58.391+0000] org.example.Foo source: file:/…/lib/foo.jar}. */
    private static final Pattern LINE = Pattern.compile("^\\[([0-9T:.+-]+)\\] (\\S+) source: (?:jar:)?file:(\\S+)");
    /** Spring Boot's line when Tomcat listens, with the time of the console log. */
    private static final Pattern PORT_OPEN = Pattern.compile("^(\\S+)\\s+INFO .*Tomcat started on port");
    private static final DateTimeFormatter XLOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private ClassLoadLog() {}

    /** When the node's port opened, from its console log; null if it did not. */
    public static Instant portOpened(Path consoleLog) throws IOException {
        Instant last = null;
        for (String line : Files.readAllLines(consoleLog, StandardCharsets.UTF_8)) {
            Matcher m = PORT_OPEN.matcher(line);
            if (m.find()) {
                last = OffsetDateTime.parse(m.group(1)).toInstant(); // the last start's, after a restart
            }
        }
        return last;
    }

    /** The classes loaded from jars under {@code appDir} at or after {@code after}, in order. */
    public static List<String> loadedFromJarsAfter(Path classLog, Path appDir, Instant after) throws IOException {
        String prefix = appDir.toAbsolutePath().normalize().toString();
        List<String> late = new ArrayList<>();
        for (String line : Files.readAllLines(classLog, StandardCharsets.UTF_8)) {
            Matcher m = LINE.matcher(line);
            if (m.find() && fromUnder(m.group(3), prefix)
                    && !OffsetDateTime.parse(m.group(1), XLOG_TIME).toInstant().isBefore(after)) {
                late.add(m.group(2));
            }
        }
        return late;
    }

    /** The JVM names the jar as it was given ({@code bench/../server/…}): compared normalised. */
    private static boolean fromUnder(String source, String prefix) {
        int nested = source.indexOf('!');
        String file = nested < 0 ? source : source.substring(0, nested);
        try {
            return Path.of(file).normalize().startsWith(prefix);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
