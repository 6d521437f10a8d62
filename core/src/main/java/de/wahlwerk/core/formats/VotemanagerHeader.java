package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.VotemanagerColumn.BallotSums;
import de.wahlwerk.core.formats.VotemanagerColumn.CandidateVotes;
import de.wahlwerk.core.formats.VotemanagerColumn.Field;
import de.wahlwerk.core.formats.VotemanagerColumn.ListBallots;
import de.wahlwerk.core.formats.VotemanagerColumn.Meta;
import de.wahlwerk.core.formats.VotemanagerColumn.NominationVotes;
import de.wahlwerk.core.formats.VotemanagerColumn.WriteInField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checked header of a votemanager file: its layout and where each column is. */
record VotemanagerHeader(VotemanagerLayout layout, Map<String, Integer> index, List<VotemanagerColumn> columns,
        List<String> names) {

    private static final List<String> COMMON = List.of("datum", "wahl", "ags", "gebiet-nr", "gebiet-name",
            "max-schnellmeldungen", "anz-schnellmeldungen", "A1", "A2", "A3", "A", "B");

    private static final Map<VotemanagerLayout, List<String>> REQUIRED = Map.of(
            VotemanagerLayout.FIRST_AND_SECOND, List.of("C", "D", "E", "F"),
            VotemanagerLayout.SINGLE_VOTE, List.of("C", "D"),
            VotemanagerLayout.CUMULATIVE, List.of("C", "D", "E"),
            VotemanagerLayout.REFERENDUM, List.of("C01", "C02", "C03", "C04"));

    private static final Map<VotemanagerLayout, Set<String>> FIELDS = Map.of(
            VotemanagerLayout.FIRST_AND_SECOND, Set.of("A1", "A2", "A3", "A", "B", "B1", "B2", "C", "D", "E", "F"),
            VotemanagerLayout.SINGLE_VOTE, Set.of("A1", "A2", "A3", "A", "B", "B1", "B2", "C", "D"),
            VotemanagerLayout.CUMULATIVE, Set.of("A1", "A2", "A3", "A", "B", "B1", "B2", "C", "D", "E"),
            VotemanagerLayout.REFERENDUM, Set.of("A1", "A2", "A3", "A", "B", "B1", "B2", "C03", "C04"));

    Integer at(String name) {
        return index.get(name);
    }

    String columnName(int i) {
        return names.get(i);
    }

    /** Reads the header row; null if it is unusable (problems were recorded). */
    static VotemanagerHeader read(CsvRow row, Cells cells) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<VotemanagerColumn> columns = new ArrayList<>();
        Map<String, Integer> firstAt = new HashMap<>();
        boolean ok = true;
        for (int i = 0; i < row.size(); i++) {
            String name = row.get(i);
            Optional<VotemanagerColumn> column = VotemanagerColumn.of(name);
            if (firstAt.putIfAbsent(name, i) != null) {
                cells.problem(row.line(), name, "duplicate-column", name);
                ok = false;
            }
            if (column.isEmpty()) {
                cells.problem(row.line(), name, "unknown-column", name);
                ok = false;
                columns.add(null);
                continue;
            }
            index.put(name, i);
            columns.add(column.get());
        }
        VotemanagerLayout layout = layoutOf(columns);
        for (int i = 0; i < columns.size(); i++) {
            VotemanagerColumn c = columns.get(i);
            if (c != null && !allowed(layout, c)) {
                cells.problem(row.line(), row.get(i), "column-not-in-layout", row.get(i), layout.name());
                ok = false;
            }
        }
        List<String> required = new ArrayList<>(COMMON);
        required.addAll(REQUIRED.get(layout));
        for (String name : required) {
            if (!index.containsKey(name)) {
                cells.problem(row.line(), name, "missing-column", name);
                ok = false;
            }
        }
        if (!index.containsKey("B1") && !index.containsKey("B2")) {
            cells.problem(row.line(), "B1", "missing-column", "B1");
            ok = false;
        }
        return ok ? new VotemanagerHeader(layout, index, columns, row.values()) : null;
    }

    /**
     * The vendor does not name the layout, so it is told by the columns only one layout has:
     * C01..C04 for referendums, F for two-vote elections, list/candidate columns or E for councils.
     */
    private static VotemanagerLayout layoutOf(List<VotemanagerColumn> columns) {
        boolean referendum = false;
        boolean second = false;
        boolean cumulative = false;
        for (VotemanagerColumn c : columns) {
            switch (c) {
                case NominationVotes(char letter, _) when letter == 'C' -> referendum = true;
                case Field(String letter) when letter.equals("C03") || letter.equals("C04") -> referendum = true;
                case NominationVotes(char letter, _) when letter == 'F' -> second = true;
                case Field(String letter) when letter.equals("F") -> second = true;
                case Field(String letter) when letter.equals("E") -> cumulative = true;
                case CandidateVotes _ -> cumulative = true;
                case ListBallots _ -> cumulative = true;
                case BallotSums _ -> cumulative = true;
                case null, default -> { }
            }
        }
        if (referendum) {
            return VotemanagerLayout.REFERENDUM;
        }
        if (second) {
            return VotemanagerLayout.FIRST_AND_SECOND;
        }
        return cumulative ? VotemanagerLayout.CUMULATIVE : VotemanagerLayout.SINGLE_VOTE;
    }

    private static boolean allowed(VotemanagerLayout layout, VotemanagerColumn column) {
        return switch (column) {
            case Meta _ -> true;
            case Field(String letter) -> FIELDS.get(layout).contains(letter);
            case NominationVotes(char letter, _) -> switch (layout) {
                case FIRST_AND_SECOND -> letter == 'D' || letter == 'F';
                case SINGLE_VOTE, CUMULATIVE -> letter == 'D';
                case REFERENDUM -> letter == 'C';
            };
            case CandidateVotes _ -> layout == VotemanagerLayout.CUMULATIVE;
            case ListBallots _ -> layout == VotemanagerLayout.CUMULATIVE;
            case BallotSums _ -> layout == VotemanagerLayout.CUMULATIVE;
            case WriteInField _ -> layout == VotemanagerLayout.SINGLE_VOTE;
        };
    }
}
