package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.Counts;
import java.util.List;
import java.util.Objects;

/**
 * One row of a votemanager file: a polling or postal district, or a total over an area.
 *
 * @param line            physical line in the file (for messages that point back to it)
 * @param ags             the row's {@code ags}
 * @param unitKey         {@code gebiet-nr} as written (leading zeros kept); null when empty, which
 *                        the vendor uses for the row of a whole municipality or county
 * @param name            {@code gebiet-name}
 * @param expectedReports {@code max-schnellmeldungen}: quick reports expected for this area
 * @param receivedReports {@code anz-schnellmeldungen}: quick reports received so far
 * @param postal          a Briefwahlbezirk: named "BW-…"/"Briefwahl …", or it has voters but no
 *                        roll (A fields empty or 0)
 * @param counts          the numbers; null fields and null map values mean "empty cell", not 0
 * @param cumulative      extra numbers of council elections, null for other layouts
 * @param writeIns        persons named by voters (unechte Mehrheitswahl); usually empty
 */
public record ResultRow(long line, String ags, String unitKey, String name, long expectedReports,
        long receivedReports, boolean postal, Counts counts, CumulativeDetails cumulative,
        List<WriteIn> writeIns) {

    public ResultRow {
        Objects.requireNonNull(counts, "counts");
        writeIns = List.copyOf(writeIns);
    }

    /** All expected quick reports are in. */
    public boolean complete() {
        return receivedReports == expectedReports;
    }
}
