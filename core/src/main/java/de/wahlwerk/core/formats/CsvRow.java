package de.wahlwerk.core.formats;

import java.util.List;

/**
 * One parsed CSV record with the physical line it starts on (a quoted field may span lines, so
 * the record number is not the line number).
 */
record CsvRow(long line, List<String> values) {

    CsvRow {
        values = List.copyOf(values);
    }

    int size() {
        return values.size();
    }

    String get(int index) {
        return index < values.size() ? values.get(index) : null;
    }

    /** A row of only empty cells, e.g. the ";;;;" spacer lines of the Bundeswahlleiterin's files. */
    boolean isBlank() {
        return values.stream().allMatch(String::isBlank);
    }
}
