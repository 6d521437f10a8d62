package de.wahlwerk.server.entry;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.check.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an election's plausibility thresholds from "key = value" lines; keys not given keep their
 * defaults (docs/CHECKS.md). Percentages are written as in German ("15" or "7,5").
 */
final class ThresholdSettings {

    static final List<String> KEYS = List.of("ceiling", "turnoutVsPrevious", "shareVsPrevious", "turnoutVsAverage",
            "shareVsAverage", "invalidShareMax", "minVotesForShare", "minReportsForAverage", "postalMinReturn");

    private ThresholdSettings() {}

    /** The thresholds, or an exception naming the line that is wrong. */
    static Thresholds parse(String text) {
        Thresholds d = Thresholds.DEFAULTS;
        if (text == null || text.isBlank()) {
            return d;
        }
        long ceiling = d.ceiling();
        Rational turnoutPrev = d.turnoutVsPrevious();
        Rational sharePrev = d.shareVsPrevious();
        Rational turnoutAvg = d.turnoutVsAverage();
        Rational shareAvg = d.shareVsAverage();
        Rational invalid = d.invalidShareMax();
        long minVotes = d.minVotesForShare();
        int minReports = d.minReportsForAverage();
        Rational postalMin = d.postalMinReturn();
        List<String> problems = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\\R")) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int eq = l.indexOf('=');
            if (eq < 0) {
                problems.add("Zeile " + lineNo + ": erwartet „Schlüssel = Wert“");
                continue;
            }
            String key = l.substring(0, eq).strip();
            String value = l.substring(eq + 1).strip().replace(',', '.');
            try {
                switch (key) {
                    case "ceiling" -> ceiling = Long.parseLong(value);
                    case "turnoutVsPrevious" -> turnoutPrev = Thresholds.percent(value);
                    case "shareVsPrevious" -> sharePrev = Thresholds.percent(value);
                    case "turnoutVsAverage" -> turnoutAvg = Thresholds.percent(value);
                    case "shareVsAverage" -> shareAvg = Thresholds.percent(value);
                    case "invalidShareMax" -> invalid = Thresholds.percent(value);
                    case "minVotesForShare" -> minVotes = Long.parseLong(value);
                    case "minReportsForAverage" -> minReports = Integer.parseInt(value);
                    case "postalMinReturn" -> postalMin = Thresholds.percent(value);
                    default -> problems.add("Zeile " + lineNo + ": unbekannter Schlüssel „" + key + "“ (bekannt: "
                            + String.join(", ", KEYS) + ")");
                }
            } catch (RuntimeException e) {
                problems.add("Zeile " + lineNo + ": „" + value + "“ ist keine gültige Zahl für " + key);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        try {
            return new Thresholds(ceiling, turnoutPrev, sharePrev, turnoutAvg, shareAvg, invalid, minVotes, minReports,
                    postalMin, d.swapTolerance(), d.vanishedMinExpected(), d.repeatedMinNominations(), d.cardCopyMin());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ungültiger Schwellenwert: " + e.getMessage(), e);
        }
    }
}
