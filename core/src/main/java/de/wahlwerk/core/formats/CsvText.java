package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Splits decoded text into {@link CsvRow}s (";"-separated, double quotes) with physical line numbers. */
final class CsvText {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setQuote('"')
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();

    private CsvText() {}

    /** All records, or null after recording a syntax problem (e.g. an unclosed quote). */
    static List<CsvRow> parse(String text, String file, ProblemCollector problems) {
        int[] lineStarts = lineStarts(text);
        List<CsvRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            try {
                for (CSVRecord record : parser) {
                    rows.add(new CsvRow(lineOf(lineStarts, record.getCharacterPosition()), record.toList()));
                }
            } catch (UncheckedIOException e) {
                // commons-csv reports an unterminated quoted field this way; the parser knows how far it got.
                problems.add(file, Math.max(1, parser.getCurrentLineNumber()), null, "csv-syntax",
                        String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String cannot fail
        }
        return rows;
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** 1-based line containing the character offset. */
    private static long lineOf(int[] lineStarts, long offset) {
        int i = Arrays.binarySearch(lineStarts, (int) offset);
        return (i >= 0 ? i : -i - 2) + 1L;
    }
}
