package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a ";"-separated UTF-8 file record by record without holding it in memory (the resident
 * register of a city has a million lines). Physical line numbers are tracked from the parser's
 * line count, so a quoted field spanning lines does not shift them; blank lines are skipped.
 * Invalid UTF-8 stops the reading with a problem at the line where it occurs.
 */
final class StreamingCsv {

    /** Receives each data record with its physical line and the header's column positions. */
    interface RowHandler {
        void row(long line, CSVRecord record, Map<String, Integer> header);
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setQuote('"')
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();

    private StreamingCsv() {}

    /**
     * Reads the header (checked against the required and optional columns) and then every row.
     * Returns the header positions, or null when the file could not be read to the end.
     */
    static Map<String, Integer> read(InputStream raw, String file, List<String> required, List<String> optional,
            ProblemCollector problems, RowHandler handler) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 3);
        skipBom(in);
        Utf8LineReader reader = new Utf8LineReader(in);
        Map<String, Integer> header = null;
        long rows = 0;
        try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            var it = parser.iterator();
            long nextLine = 1;
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof Utf8LineReader.BadEncoding bad) {
                        problems.add(file, bad.line, null, "encoding-line");
                    } else {
                        problems.add(file, Math.max(1, parser.getCurrentLineNumber()), null, "csv-syntax",
                                String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
                    }
                    return null;
                }
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    header = header(record, line, file, required, optional, problems);
                    if (header == null) {
                        return null;
                    }
                    continue;
                }
                rows++;
                if (record.size() != header.size()) {
                    problems.add(file, line, null, "wrong-column-count", Integer.toString(record.size()),
                            Integer.toString(header.size()));
                    continue;
                }
                handler.row(line, record, header);
            }
        }
        if (header == null) {
            problems.add(file, 0, null, "empty-file");
            return null;
        }
        if (rows == 0) {
            problems.add(file, 0, null, "no-rows");
        }
        return header;
    }

    private static Map<String, Integer> header(CSVRecord record, long line, String file, List<String> required,
            List<String> optional, ProblemCollector problems) {
        Map<String, Integer> positions = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (!required.contains(name) && !optional.contains(name)) {
                problems.add(file, line, name, "unknown-column", name);
                ok = false;
            } else if (positions.putIfAbsent(name, i) != null) {
                problems.add(file, line, name, "duplicate-column", name);
                ok = false;
            }
        }
        for (String r : required) {
            if (!positions.containsKey(r)) {
                problems.add(file, line, r, "missing-column", r);
                ok = false;
            }
        }
        return ok ? positions : null;
    }

    private static void skipBom(PushbackInputStream in) throws IOException {
        byte[] b = new byte[3];
        int n = in.readNBytes(b, 0, 3);
        if (!(n == 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF)) {
            in.unread(b, 0, n);
        }
    }
}
