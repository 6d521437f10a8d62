package de.wahlwerk.server.entry;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The entered numbers of a report as stored: one "letter=number" per line in form order; a letter
 * left empty is stored as "letter=" so that "not entered" stays apart from 0.
 */
final class ReportValues {

    private ReportValues() {}

    static String encode(ReportForm form, Map<String, Long> values) {
        StringBuilder sb = new StringBuilder();
        for (FormField f : form.fields()) {
            Long v = values.get(f.letter());
            sb.append(f.letter()).append('=').append(v == null ? "" : v.toString()).append('\n');
        }
        return sb.toString();
    }

    static Map<String, Long> decode(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                String v = line.substring(eq + 1);
                // Interned: a national night holds some 90,000 of these maps at once, all with the
                // same few hundred form letters (4.3 million copies of them in a heap dump).
                values.put(line.substring(0, eq).intern(), v.isEmpty() ? null : Long.valueOf(v));
            }
        }
        return values;
    }
}
