package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.VotemanagerColumn.BallotSums;
import de.wahlwerk.core.formats.VotemanagerColumn.CandidateVotes;
import de.wahlwerk.core.formats.VotemanagerColumn.Field;
import de.wahlwerk.core.formats.VotemanagerColumn.ListBallots;
import de.wahlwerk.core.formats.VotemanagerColumn.Meta;
import de.wahlwerk.core.formats.VotemanagerColumn.NominationVotes;
import de.wahlwerk.core.formats.VotemanagerColumn.WriteInField;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Writes the open-data CSV of votemanager / AKDB OK.VOTE, so that the tools newsrooms already
 * run on those files read ours unchanged. The conventions are those of the published files in
 * {@code shared/data} (checked byte for byte by {@code VotemanagerWriterRoundTripTest}): UTF-8
 * without BOM, {@code ;} as separator, LF after every line including the last, one header line,
 * no quoting, integers without thousands separator, an empty cell for "not reported / did not
 * stand" (never 0 in its place), the date as {@code dd.MM.yyyy}.
 *
 * <p>The published files never quote; a name containing {@code ;}, {@code "} or a line break
 * would break them, so such a cell (and only such a cell) is quoted as RFC 4180 says, which the
 * vendor's readers and ours accept.
 */
public final class VotemanagerCsvWriter {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final List<String> META = List.of("datum", "wahl", "ags", "gebiet-nr", "gebiet-name",
            "max-schnellmeldungen", "anz-schnellmeldungen");

    private VotemanagerCsvWriter() {}

    /**
     * The column order votemanager uses for a layout.
     *
     * @param firstPositions  ballot positions of the D columns (first vote, or the only vote); for
     *                        {@link VotemanagerLayout#FIRST_AND_SECOND} the vendor writes D/F pairs for
     *                        every position up to the highest of either vote, so gaps are filled
     * @param secondPositions ballot positions of the F columns (FIRST_AND_SECOND only)
     * @param candidates      for CUMULATIVE: list position → number of candidates on that list
     */
    public static List<String> standardColumns(VotemanagerLayout layout, Collection<Integer> firstPositions,
            Collection<Integer> secondPositions, SortedMap<Integer, Integer> candidates) {
        List<String> c = new ArrayList<>(META);
        c.addAll(List.of("A1", "A2", "A3", "A", "B"));
        switch (layout) {
            case FIRST_AND_SECOND -> {
                c.addAll(List.of("B1", "C", "D", "E", "F"));
                int max = 0;
                for (int p : firstPositions) {
                    max = Math.max(max, p);
                }
                for (int p : secondPositions) {
                    max = Math.max(max, p);
                }
                for (int p = 1; p <= max; p++) {
                    c.add("D" + p);
                    c.add("F" + p);
                }
            }
            case SINGLE_VOTE -> {
                c.addAll(List.of("B1", "C", "D"));
                for (int p : new TreeSet<>(firstPositions)) {
                    c.add("D" + p);
                }
            }
            case CUMULATIVE -> {
                c.addAll(List.of("B2", "C", "D", "E"));
                candidates.forEach((list, count) -> {
                    c.add("D" + list + "_unveraendert");
                    c.add("D" + list + "_veraendert");
                    c.add("D" + list);
                    for (int n = 1; n <= count; n++) {
                        c.add("D" + list + "_" + n);
                    }
                });
                c.add("Summe_unveraendert");
                c.add("Summe_veraendert");
            }
            case REFERENDUM -> c.addAll(List.of("B1", "C04", "C03", "C01", "C02"));
        }
        return List.copyOf(c);
    }

    /**
     * The file's text: the header given, then one line per row of {@code file} in its order.
     *
     * @param columns header names (e.g. {@link #standardColumns} or a published file's header);
     *                every name must belong to the file's layout
     * @throws IllegalArgumentException for a column no votemanager layout has
     */
    public static String write(ResultFile file, List<String> columns) {
        List<VotemanagerColumn> meanings = meanings(columns);
        StringBuilder out = new StringBuilder(256 + 8 * columns.size() * (file.rows().size() + 1));
        line(out, columns);
        String date = file.date() == null ? "" : DATE.format(file.date());
        String election = file.electionName() == null ? "" : file.electionName();
        List<String> cells = new ArrayList<>(columns.size());
        for (ResultRow row : file.rows()) {
            cells.clear();
            for (int i = 0; i < columns.size(); i++) {
                cells.add(cell(file.layout(), row, date, election, meanings.get(i), columns.get(i)));
            }
            line(out, cells);
        }
        return out.toString();
    }

    /**
     * What each header name means, resolved once per file rather than once per cell.
     *
     * @throws IllegalArgumentException for a column no votemanager layout has
     */
    static List<VotemanagerColumn> meanings(List<String> columns) {
        List<VotemanagerColumn> meanings = new ArrayList<>(columns.size());
        for (String name : columns) {
            meanings.add(VotemanagerColumn.of(name)
                    .orElseThrow(() -> new IllegalArgumentException("not a votemanager column: " + name)));
        }
        return meanings;
    }

    /** One cell; also used by {@link OffeneWahldatenWriter}, whose result columns are these form letters. */
    static String cell(VotemanagerLayout layout, ResultRow row, String date, String election,
            VotemanagerColumn column, String name) {
        Counts c = row.counts();
        return switch (column) {
            case Meta m -> switch (m.name()) {
                case "datum" -> date;
                case "wahl" -> election;
                case "ags" -> text(row.ags());
                case "gebiet-nr" -> text(row.unitKey());
                case "gebiet-name" -> text(row.name());
                case "max-schnellmeldungen" -> Long.toString(row.expectedReports());
                default -> Long.toString(row.receivedReports());
            };
            case Field(String letter) -> switch (letter) {
                case "A1" -> number(c.eligibleNoCard());
                case "A2" -> number(c.eligibleWithCard());
                case "A3" -> number(c.eligibleAdded());
                case "A" -> number(c.eligible());
                case "B" -> number(c.voters());
                case "B1", "B2" -> number(c.votersWithCard());
                case "C", "C03" -> number(votes(layout, c, 'C') == null ? null : votes(layout, c, 'C').invalid());
                case "D", "C04" -> number(votes(layout, c, 'D') == null ? null : votes(layout, c, 'D').valid());
                case "E" -> layout == VotemanagerLayout.CUMULATIVE
                        ? number(row.cumulative() == null ? null : row.cumulative().ballotsCast())
                        : number(votes(layout, c, 'F') == null ? null : votes(layout, c, 'F').invalid());
                case "F" -> number(votes(layout, c, 'F') == null ? null : votes(layout, c, 'F').valid());
                default -> throw new IllegalArgumentException("column " + name);
            };
            case NominationVotes(char letter, int position) -> {
                VoteCounts v = votes(layout, c, letter);
                yield number(v == null ? null : v.votesFor(position));
            }
            case CandidateVotes(int list, int position) ->
                    number(row.cumulative() == null ? null : row.cumulative().votesFor(list, position));
            case ListBallots(int list, boolean changed) -> number(row.cumulative() == null ? null
                    : (changed ? row.cumulative().changedBallots() : row.cumulative().unchangedBallots()).get(list));
            case BallotSums(boolean changed) -> number(row.cumulative() == null ? null
                    : changed ? row.cumulative().changedTotal() : row.cumulative().unchangedTotal());
            case WriteInField(int number, String attribute) -> writeIn(row, number, attribute);
        };
    }

    /** The vote kind a column letter stands for in the layout (D is the first or only vote). */
    private static VoteCounts votes(VotemanagerLayout layout, Counts c, char letter) {
        Map<VoteKind, VoteCounts> all = c.votes();
        return switch (layout) {
            case FIRST_AND_SECOND -> all.get(letter == 'F' ? VoteKind.SECOND : VoteKind.FIRST);
            case REFERENDUM -> all.get(VoteKind.YES_NO);
            case CUMULATIVE -> all.get(VoteKind.CUMULATIVE);
            case SINGLE_VOTE -> all.containsKey(VoteKind.LIST) ? all.get(VoteKind.LIST) : all.get(VoteKind.CANDIDATE);
        };
    }

    private static String writeIn(ResultRow row, int number, String attribute) {
        for (WriteIn w : row.writeIns()) {
            if (w.number() == number) {
                return switch (attribute) {
                    case "Name" -> text(w.familyName());
                    case "Vorname" -> text(w.givenNames());
                    case "Beruf_Taetigkeit" -> text(w.occupation());
                    case "Bemerkung" -> text(w.remark());
                    default -> number(w.votes());
                };
            }
        }
        return "";
    }

    private static String number(Long v) {
        return v == null ? "" : Long.toString(v);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /**
     * One line: cells joined by {@code ;}, LF at the end; a cell is quoted (RFC 4180) only when it
     * holds {@code ;}, {@code "} or a line break. Shared with {@link OffeneWahldatenWriter}.
     */
    static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            String s = cells.get(i);
            if (s.indexOf(';') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                out.append(s);
            }
        }
        out.append('\n');
    }
}
