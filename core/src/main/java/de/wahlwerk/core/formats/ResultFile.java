package de.wahlwerk.core.formats;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A votemanager / OK.VOTE open-data result file, read completely and checked.
 *
 * @param file         name of the file the rows came from
 * @param layout       which column scheme the file uses
 * @param date         election day (column {@code datum}; the same in every row)
 * @param electionName column {@code wahl} (the same in every row)
 * @param ags          the AGS shared by all rows, or null when rows belong to different
 *                     municipalities (county-wide files have one row per municipality)
 * @param rows         the rows in file order
 */
public record ResultFile(String file, VotemanagerLayout layout, LocalDate date, String electionName, String ags,
        List<ResultRow> rows) {

    public ResultFile {
        Objects.requireNonNull(layout, "layout");
        rows = List.copyOf(rows);
    }

    public List<ResultRow> postalRows() {
        return rows.stream().filter(ResultRow::postal).toList();
    }

    public List<ResultRow> pollingRows() {
        return rows.stream().filter(r -> !r.postal()).toList();
    }
}
