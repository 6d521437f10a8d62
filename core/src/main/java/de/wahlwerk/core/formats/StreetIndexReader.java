package de.wahlwerk.core.formats;

import de.wahlwerk.core.register.HouseNumber;
import de.wahlwerk.core.register.Parity;
import de.wahlwerk.core.register.StreetNames;
import de.wahlwerk.core.register.StreetRule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the street index (Straßenverzeichnis; format in docs/formats/street-index.md): which house
 * numbers of which street vote in which polling district. All or nothing, like every reader here.
 * Whether the district keys exist is for the caller to check against the election day.
 */
public final class StreetIndexReader {

    public static final String STREET = "strasse";
    public static final String POSTAL_CODE = "plz";
    public static final String FROM = "von";
    public static final String TO = "bis";
    public static final String SIDE = "seite";
    public static final String UNIT = "wahlbezirk";

    private static final Pattern POSTAL = Pattern.compile("\\d{5}");

    private StreetIndexReader() {}

    public static List<StreetRule> read(InputStream in, String file) throws IOException, ImportException {
        ProblemCollector problems = new ProblemCollector();
        List<StreetRule> rules = new ArrayList<>();
        Map<String, Long> exact = new HashMap<>();
        StreamingCsv.read(in, file, List.of(STREET, FROM, TO, SIDE, UNIT), List.of(POSTAL_CODE), problems,
                (line, rec, cols) -> {
                    long before = problems.total();
                    String street = cell(rec, cols, STREET);
                    if (street.isEmpty()) {
                        problems.add(file, line, STREET, "missing-value");
                    }
                    String postal = cell(rec, cols, POSTAL_CODE);
                    if (!postal.isEmpty() && !POSTAL.matcher(postal).matches()) {
                        problems.add(file, line, POSTAL_CODE, "invalid-postal-code", postal);
                    }
                    HouseNumber from = number(cell(rec, cols, FROM), file, line, FROM, problems);
                    HouseNumber to = number(cell(rec, cols, TO), file, line, TO, problems);
                    if (from != null && to != null && from.compareTo(to) > 0) {
                        problems.add(file, line, TO, "range-reversed", from.toString(), to.toString());
                    }
                    String side = cell(rec, cols, SIDE);
                    Parity parity = side.isEmpty() ? Parity.ALL : Parity.ofCode(side);
                    if (parity == null) {
                        problems.add(file, line, SIDE, "invalid-value", side, "A, G, U");
                    }
                    String unit = cell(rec, cols, UNIT);
                    if (unit.isEmpty()) {
                        problems.add(file, line, UNIT, "missing-value");
                    }
                    if (problems.total() != before) {
                        return;
                    }
                    String key = StreetNames.key(street) + "|" + postal + "|" + from + "|" + to + "|" + parity;
                    Long earlier = exact.putIfAbsent(key, line);
                    if (earlier != null) {
                        problems.add(file, line, null, "duplicate-rule", Long.toString(earlier));
                        return;
                    }
                    rules.add(new StreetRule(line, street, postal.isEmpty() ? null : postal, from, to, parity, unit));
                });
        problems.throwIfAny();
        return rules;
    }

    private static String cell(org.apache.commons.csv.CSVRecord rec, Map<String, Integer> cols, String column) {
        Integer i = cols.get(column);
        return i == null ? "" : rec.get(i).strip();
    }

    private static HouseNumber number(String v, String file, long line, String column, ProblemCollector problems) {
        if (v.isEmpty()) {
            return null;
        }
        HouseNumber n = HouseNumber.parse(v);
        if (n == null) {
            problems.add(file, line, column, "invalid-house-number", v);
        }
        return n;
    }
}
