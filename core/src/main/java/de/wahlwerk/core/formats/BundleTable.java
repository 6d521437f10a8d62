package de.wahlwerk.core.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One CSV file of an election bundle: header checked against the documented columns, rows of the
 * right width, cells by column name. Columns may come in any order; names are matched exactly.
 */
final class BundleTable {

    /** A data row; {@link #get} returns "" for an empty cell. */
    record Row(long line, Map<String, String> cells) {
        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    final String file;
    final long headerLine;
    final Cells cells;
    final List<String> columns;
    final List<Row> rows;
    /** No row was rejected while parsing (wrong width); references into a file with rejected rows are not checked. */
    final boolean clean;

    private BundleTable(String file, long headerLine, Cells cells, List<String> columns, List<Row> rows, boolean clean) {
        this.clean = clean;
        this.file = file;
        this.headerLine = headerLine;
        this.cells = cells;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Parses the file; null if it cannot be used at all (problems recorded).
     *
     * @param required  columns that must be present
     * @param optional  further columns that may be present
     * @param dynamic   accepts further column names of a pattern (e.g. {@code area:<hierarchy>})
     */
    static BundleTable parse(byte[] bytes, String file, ProblemCollector problems, List<String> required,
            List<String> optional, Predicate<String> dynamic) {
        Cells cells = new Cells(file, problems);
        int before = problems.size();
        long totalBefore = problems.total();
        String text;
        try {
            text = TextDecoder.decode(new ByteArrayInputStream(bytes), file, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to read
        }
        List<CsvRow> rows = text == null ? null : CsvText.parse(text, file, problems);
        if (rows == null) {
            return null;
        }
        CsvRow header = rows.getFirst();
        List<String> columns = header.values().stream().map(String::strip).toList();
        Map<String, Integer> seen = new HashMap<>();
        for (String c : columns) {
            if (seen.put(c, 1) != null) {
                cells.problem(header.line(), c, "duplicate-column", c);
            } else if (!required.contains(c) && !optional.contains(c) && !dynamic.test(c)) {
                cells.problem(header.line(), c, "unknown-column", c);
            }
        }
        for (String c : required) {
            if (!seen.containsKey(c)) {
                cells.problem(header.line(), c, "missing-column", c);
            }
        }
        if (problems.size() != before) {
            return null;
        }
        List<Row> data = new ArrayList<>();
        for (CsvRow r : rows.subList(1, rows.size())) {
            if (r.isBlank()) {
                continue;
            }
            if (r.size() != columns.size()) {
                cells.problem(r.line(), null, "wrong-column-count", Integer.toString(r.size()),
                        Integer.toString(columns.size()));
                continue;
            }
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                m.put(columns.get(i), r.get(i));
            }
            data.add(new Row(r.line(), m));
        }
        return new BundleTable(file, header.line(), cells, columns, data, problems.total() == totalBefore);
    }

    void problem(Row row, String column, String code, String... args) {
        cells.problem(row.line(), column, code, args);
    }

    /** A required text cell; null (and a problem) when empty. */
    String required(Row row, String column) {
        String v = row.get(column);
        if (v.isEmpty()) {
            problem(row, column, "missing-value");
            return null;
        }
        return v;
    }

    static String optional(Row row, String column) {
        String v = row.get(column);
        return v.isEmpty() ? null : v;
    }

    /** A whole number within bounds; null when empty (if allowed) or invalid. */
    Integer integer(Row row, String column, boolean requiredValue, int min, int max) {
        String v = row.get(column);
        if (v.isEmpty()) {
            if (requiredValue) {
                problem(row, column, "missing-value");
            }
            return null;
        }
        Long n = cells.count(v, row.line(), column);
        if (n == null) {
            return null;
        }
        if (n < min || n > max) {
            problem(row, column, "out-of-range", v, Integer.toString(min), Integer.toString(max));
            return null;
        }
        return n.intValue();
    }

    /** One of the allowed spellings (case-insensitive), mapped to its value. */
    <T> T choice(Row row, String column, Map<String, T> allowed, String listForMessage) {
        String v = row.get(column);
        if (v.isEmpty()) {
            problem(row, column, "missing-value");
            return null;
        }
        T t = allowed.get(v.toLowerCase(java.util.Locale.ROOT));
        if (t == null) {
            problem(row, column, "invalid-value", v, listForMessage);
        }
        return t;
    }
}
