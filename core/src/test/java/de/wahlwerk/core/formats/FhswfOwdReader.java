package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads "Offene Wahldaten" files by the rules of the reader of fhswf/wahlkarte
 * ({@code src/js/wahl-lib/model.js}, {@code ergebnis/ergebnis.js}), written anew here for tests:
 * which columns each file may have (an unknown column is an error there, except result columns
 * starting with A–F), the required cells, and the checks every result row must pass — A1 + A2 + A3
 * = A, invalid + valid = B per vote (C + D, and E + F for two votes), the sum of the non-empty
 * D&lt;n&gt; (F&lt;n&gt;) = D (F), and a number in D&lt;n&gt; only for a position the district's ballot has.
 * Numbers are read like JavaScript's {@code parseInt}: an empty cell is NaN and fails every check
 * it takes part in, except the per-position sums, which skip it.
 */
public final class FhswfOwdReader {

    private static final List<String> COMMON = List.of("version", "wahl-behoerde-gs", "wahl-datum", "wahl-name");
    private static final Map<OffeneWahldatenWriter.FileType, List<String>> PARAMS = Map.of(
            OffeneWahldatenWriter.FileType.WAHLPARAMETER, List.of("wahl-behoerde-name", "wahl-bezeichnung",
                    "kandidat-gebiet-bezeichnung", "gebiet-ebene-5-bezeichnung", "gebiet-ebene-4-bezeichnung",
                    "gebiet-ebene-3-bezeichnung", "gebiet-ebene-2-bezeichnung", "bezirk-bezeichnung"),
            OffeneWahldatenWriter.FileType.WAHLGEBIETSEINTEILUNGEN, List.of("wahl-leiter-gs", "wahl-leiter-name",
                    "gebiet-ebene-5-nr", "gebiet-ebene-5-name", "gebiet-ebene-4-nr", "gebiet-ebene-4-name",
                    "gebiet-ebene-3-nr", "gebiet-ebene-3-name", "gebiet-ebene-2-nr", "gebiet-ebene-2-name", "bezirk-nr",
                    "bezirk-name", "bezirk-art", "bezirk-repräsentativ", "kandidat-gebiet-nr",
                    "kandidat-gebiet-bezeichnung", "stimmzettel-gebiet-nr", "stimmzettel-gebiet-bezeichnung"),
            OffeneWahldatenWriter.FileType.STIMMZETTEL, List.of("stimmzettel-gebiet-nr", "stimmzettel-gebiet-bezeichnung",
                    "stimmzettel-position", "partei-kurzname", "partei-langname", "partei-rgb-wert", "partei-typ"),
            OffeneWahldatenWriter.FileType.KANDIDATEN, List.of("partei-kurzname", "partei-langname", "kandidat-name",
                    "kandidat-namensvorsatz", "kandidat-vorname", "kandidat-akadgrad", "kandidat-geburtsjahr",
                    "kandidat-geschlecht", "kandidat-beruf", "kandidat-gebiet-nr", "kandidat-gebiet-bezeichnung",
                    "kandidat-listenplatz"),
            OffeneWahldatenWriter.FileType.WAHLERGEBNISSE, List.of("bezirk-nr", "bezirk-name", "zeitstempel-erfassung"));
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
            .setSkipHeaderRecord(true).get();

    private FhswfOwdReader() {}

    /**
     * The rows of one file as column → cell, after the format checks: no BOM, no empty line, every
     * column one the reader knows for the file type, the cells the reader requires present.
     */
    public static List<Map<String, String>> read(OffeneWahldatenWriter.FileType type, String text) {
        check(!text.startsWith("\uFEFF"), "byte order mark");
        check(!text.contains("\n\n") && !text.startsWith("\n"), "empty line");
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            for (String column : p.getHeaderNames()) {
                boolean known = COMMON.contains(column) || PARAMS.get(type).contains(column)
                        || type == OffeneWahldatenWriter.FileType.WAHLERGEBNISSE && "ABCDEF".indexOf(column.charAt(0)) >= 0;
                check(known, "Key " + column + " invalid");
            }
            for (CSVRecord r : p) {
                check(r.isConsistent(), "line " + r.getRecordNumber() + " has " + r.size() + " cells");
                Map<String, String> row = new LinkedHashMap<>(r.toMap());
                required(row, "wahl-datum");
                required(row, "wahl-name");
                switch (type) {
                    case WAHLPARAMETER -> required(row, "bezirk-bezeichnung");
                    case WAHLGEBIETSEINTEILUNGEN -> {
                        required(row, "bezirk-nr");
                        check(Set.of("W", "B").contains(row.get("bezirk-art")), "bezirk-art W or B required");
                    }
                    case STIMMZETTEL -> {
                        required(row, "stimmzettel-position");
                        check(!empty(row.get("partei-kurzname")) || !empty(row.get("partei-langname")),
                                "partei-kurzname or -langname required");
                        required(row, "partei-rgb-wert");
                    }
                    case KANDIDATEN -> check(!empty(row.get("partei-kurzname")) || !empty(row.get("partei-langname")),
                            "partei-kurzname or -langname required");
                    case WAHLERGEBNISSE -> required(row, "bezirk-nr");
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /**
     * Checks every result row against its district's ballot, as the reader's Ergebnis classes do
     * ("Bundestagswahl" when the file has F, else the one-vote styles).
     *
     * @return the result rows by bezirk-nr
     */
    public static Map<String, Map<String, String>> checkResults(String wahlergebnisse, String wahlgebietseinteilungen,
            String stimmzettel) {
        Map<String, String> ballotOfDistrict = new HashMap<>();
        for (Map<String, String> d : read(OffeneWahldatenWriter.FileType.WAHLGEBIETSEINTEILUNGEN, wahlgebietseinteilungen)) {
            ballotOfDistrict.put(d.get("bezirk-nr"), d.get("stimmzettel-gebiet-nr"));
        }
        Map<String, Set<Integer>> positions = new HashMap<>();
        for (Map<String, String> s : read(OffeneWahldatenWriter.FileType.STIMMZETTEL, stimmzettel)) {
            positions.computeIfAbsent(s.get("stimmzettel-gebiet-nr"), _ -> new java.util.HashSet<>())
                    .add(Integer.parseInt(s.get("stimmzettel-position")));
        }
        Map<String, Map<String, String>> byDistrict = new LinkedHashMap<>();
        for (Map<String, String> r : read(OffeneWahldatenWriter.FileType.WAHLERGEBNISSE, wahlergebnisse)) {
            String district = r.get("bezirk-nr");
            check(ballotOfDistrict.containsKey(district), "district " + district + " not in Wahlgebietseinteilungen");
            Set<Integer> ballot = positions.getOrDefault(ballotOfDistrict.get(district), Set.of());
            check(eq(plus(plus(parseInt(r.get("A1")), parseInt(r.get("A2"))), parseInt(r.get("A3"))), parseInt(r.get("A"))),
                    "Check function checkWahlberechtigte failed in " + district);
            collected(r, "D", "C", ballot, district);
            if (r.containsKey("F")) {
                collected(r, "F", "E", ballot, district);
            }
            byDistrict.put(district, r);
        }
        return byDistrict;
    }

    private static void collected(Map<String, String> r, String base, String invalid, Set<Integer> ballot, String district) {
        Double valid = parseInt(r.get(base));
        check(eq(plus(valid, parseInt(r.get(invalid))), parseInt(r.get("B"))),
                "Sum of valid and invalid votes for collected field " + base + " does not match in " + district);
        double sum = 0;
        for (var cell : r.entrySet()) {
            String name = cell.getKey();
            if (!name.startsWith(base) || name.equals(base)) {
                continue;
            }
            Double position = parseInt(name.substring(base.length()));
            if (position == null || !ballot.contains(position.intValue())) {
                check(cell.getValue().isEmpty(), "value " + cell.getValue() + " exists but partei for " + name + " not found");
                continue;
            }
            Double v = parseInt(cell.getValue());
            if (v != null) {
                sum += v;
            }
        }
        check(eq(sum, valid), "Total sum for collected field " + base + " does not match in " + district);
    }

    /** JavaScript's parseInt: leading digits, else NaN (here null). */
    private static Double parseInt(String s) {
        if (s == null) {
            return null;
        }
        int end = 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Double.valueOf(s.substring(0, end));
    }

    private static Double plus(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    /** NaN === anything is false. */
    private static boolean eq(Double a, Double b) {
        return a != null && a.equals(b);
    }

    private static void required(Map<String, String> row, String column) {
        check(!empty(row.get(column)), column + " required!");
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
