package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.OffeneWahldaten.Area;
import de.wahlwerk.core.formats.OffeneWahldaten.BallotEntry;
import de.wahlwerk.core.formats.OffeneWahldaten.Candidate;
import de.wahlwerk.core.formats.OffeneWahldaten.District;
import de.wahlwerk.core.formats.OffeneWahldaten.Election;
import de.wahlwerk.core.formats.OffeneWahldaten.Parameters;
import de.wahlwerk.core.formats.OffeneWahldaten.Result;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes the five CSV files of "Offene Wahldaten" (offenewahldaten.de) in <b>draft 0.3 as the
 * third-party converter of fhswf/wahlkarte writes it</b>: the standard's own page on these files
 * could not be read, so the columns are those of that converter and of its reader (see
 * docs/formats/open-data.md, which also lists what remains open).
 *
 * <p>The general rules are the standard's (offenewahldaten.de/dateiformate/allgemein): UTF-8 without
 * BOM, {@code ;}, exactly one header line, RFC 4180 quoting only where a cell needs it, dates
 * {@code dd.mm.yyyy}, timestamps {@code dd.mm.yyyy hh:mm:ss}, keys as text exactly as entered. The
 * CSV conventions (line ends, quoting, numbers, empty cells) are those of {@link VotemanagerCsvWriter},
 * whose form letters the result file reuses.
 */
public final class OffeneWahldatenWriter {

    /** The draft these files follow. */
    public static final String VERSION = "0.3";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm:ss");
    /** The converter takes the timestamp of its source and drops the colons. */
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("dd.MM.uuuu HHmmss");
    private static final List<String> COMMON = List.of("version", "wahl-behoerde-gs", "wahl-datum", "wahl-name");
    /** Form letters of the roll; a postal district has none, and the converter and its reader want 0 there. */
    private static final Set<String> ROLL = Set.of("A1", "A2", "A3", "A");

    /** The five files ("Dateityp" in the file name). */
    public enum FileType {
        WAHLPARAMETER("Wahlparameter"),
        WAHLGEBIETSEINTEILUNGEN("Wahlgebietseinteilungen"),
        STIMMZETTEL("Stimmzettel"),
        KANDIDATEN("Kandidaten"),
        WAHLERGEBNISSE("Wahlergebnisse");

        private final String label;

        FileType(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private OffeneWahldatenWriter() {}

    /**
     * The file name the converter gives: {@code <wahl-behoerde-gs>_<wahl-datum>_<wahl-name>_<Dateityp>_V0-3_<timestamp>.csv},
     * date as in the data, "/" in the name as "-", the timestamp without colons, e.g.
     * {@code 05914000_23.02.2025_Wahl zum Deutschen Bundestag_Wahlergebnisse_V0-3_23.02.2025 163422.csv}.
     */
    public static String fileName(Election e, FileType type, LocalDateTime stamp) {
        return text(e.authorityKey()) + "_" + DATE.format(e.date()) + "_" + e.name().replace('/', '-') + "_"
                + type.label() + "_V" + VERSION.replace('.', '-') + "_" + NAME_TIME.format(stamp) + ".csv";
    }

    /** Wahlparameter: one row. */
    public static String parameters(Election e, Parameters p) {
        StringBuilder out = new StringBuilder(512);
        VotemanagerCsvWriter.line(out, List.of("version", "wahl-behoerde-gs", "wahl-behoerde-name", "wahl-datum",
                "wahl-name", "wahl-bezeichnung", "kandidat-gebiet-bezeichnung", "gebiet-ebene-5-bezeichnung",
                "gebiet-ebene-4-bezeichnung", "gebiet-ebene-3-bezeichnung", "gebiet-ebene-2-bezeichnung",
                "bezirk-bezeichnung"));
        List<String> row = new ArrayList<>(List.of(VERSION, text(e.authorityKey()), text(e.authorityName()),
                DATE.format(e.date()), e.name(), text(e.title()), text(p.candidacyLevel())));
        for (int level = 5; level >= 2; level--) {
            row.add(level - 2 < p.levelNames().size() ? text(p.levelNames().get(level - 2)) : "");
        }
        row.add(text(p.districtLevel()));
        VotemanagerCsvWriter.line(out, row);
        return out.toString();
    }

    /** Wahlgebietseinteilungen: one row per district; the election authority also leads the election. */
    public static String districts(Election e, List<District> districts) {
        List<String> header = new ArrayList<>(COMMON);
        header.addAll(List.of("wahl-leiter-gs", "wahl-leiter-name"));
        for (int level = 5; level >= 2; level--) {
            header.add("gebiet-ebene-" + level + "-nr");
            header.add("gebiet-ebene-" + level + "-name");
        }
        header.addAll(List.of("bezirk-nr", "bezirk-name", "bezirk-art", "bezirk-repräsentativ", "kandidat-gebiet-nr",
                "kandidat-gebiet-bezeichnung", "stimmzettel-gebiet-nr", "stimmzettel-gebiet-bezeichnung"));
        return table(e, header, districts, (row, d) -> {
            row.add(text(e.authorityKey()));
            row.add(text(e.authorityName()));
            for (int level = 5; level >= 2; level--) {
                area(row, level - 2 < d.levels().size() ? d.levels().get(level - 2) : null);
            }
            row.add(d.key());
            row.add(text(d.name()));
            row.add(d.postal() ? "B" : "W");
            row.add(d.representative() == null ? "" : d.representative() ? "J" : "N");
            area(row, d.candidacyArea());
            area(row, d.ballotArea());
        });
    }

    /** Stimmzettel: one row per ballot position (of each ballot, when districts vote on different ones). */
    public static String ballot(Election e, List<BallotEntry> entries) {
        List<String> header = new ArrayList<>(COMMON);
        header.addAll(List.of("stimmzettel-gebiet-nr", "stimmzettel-gebiet-bezeichnung", "stimmzettel-position",
                "partei-kurzname", "partei-langname", "partei-rgb-wert", "partei-typ"));
        return table(e, header, entries, (row, b) -> {
            area(row, b.ballotArea());
            row.add(Integer.toString(b.position()));
            row.add(text(b.shortName()));
            row.add(text(b.name()));
            row.add(text(b.colour()));
            row.add(b.independent() ? "E" : "P");
        });
    }

    /**
     * Kandidaten: one row per candidacy. The column {@code kandidat-gebiet-bezeichnung} is the reader's
     * (the converter's files lack it); a reader reads columns by name, so it is harmless either way.
     */
    public static String candidates(Election e, List<Candidate> candidates) {
        List<String> header = new ArrayList<>(COMMON);
        header.addAll(List.of("partei-kurzname", "partei-langname", "kandidat-name", "kandidat-namensvorsatz",
                "kandidat-vorname", "kandidat-akadgrad", "kandidat-geburtsjahr", "kandidat-geschlecht", "kandidat-beruf",
                "kandidat-gebiet-nr", "kandidat-gebiet-bezeichnung", "kandidat-listenplatz"));
        return table(e, header, candidates, (row, c) -> {
            row.add(text(c.partyShortName()));
            row.add(text(c.partyName()));
            row.add(text(c.familyName()));
            row.add(text(c.namePrefix()));
            row.add(text(c.givenNames()));
            row.add(text(c.title()));
            row.add(c.yearOfBirth() == null ? "" : Integer.toString(c.yearOfBirth()));
            row.add(text(c.gender()));
            row.add(text(c.profession()));
            area(row, c.area());
            row.add(Integer.toString(c.listPosition()));
        });
    }

    /** Whether the result file has a layout for such elections (the sources show none for councils). */
    public static boolean supports(VotemanagerLayout layout) {
        return layout != VotemanagerLayout.CUMULATIVE;
    }

    /**
     * The form-letter columns of the result file, after the key columns: as the converter copies them
     * from votemanager ({@code A1;A2;A3;A;B;B1;C;D;E;F;D1;F1;…} for two votes, {@code …;B1;C;D;D1;…}
     * for one); a referendum's answers are D1 (yes) and D2 (no) as in Göttingen 2024.
     *
     * @throws IllegalArgumentException for council elections (see {@link #supports})
     */
    public static List<String> resultColumns(VotemanagerLayout layout, Collection<Integer> firstPositions,
            Collection<Integer> secondPositions) {
        if (!supports(layout)) {
            throw new IllegalArgumentException("Offene Wahldaten 0.3 has no result layout for " + layout);
        }
        if (layout == VotemanagerLayout.REFERENDUM) {
            List<String> c = new ArrayList<>(List.of("A1", "A2", "A3", "A", "B", "B1", "C", "D"));
            new TreeSet<>(firstPositions).forEach(p -> c.add("D" + p));
            return List.copyOf(c);
        }
        List<String> all = VotemanagerCsvWriter.standardColumns(layout, firstPositions, secondPositions, new TreeMap<>());
        return all.subList(all.indexOf("A1"), all.size());
    }

    /**
     * Wahlergebnisse: one row per district with a confirmed report, in the order given. An empty
     * cell where a nomination did not stand in the district (the converter writes 0 there, the
     * 2020 files leave it empty; the reader skips empty cells).
     */
    public static String results(Election e, VotemanagerLayout layout, List<String> resultColumns, List<Result> results) {
        List<VotemanagerColumn> meanings = VotemanagerCsvWriter.meanings(resultColumns);
        List<String> header = new ArrayList<>(COMMON);
        header.addAll(List.of("bezirk-nr", "bezirk-name", "zeitstempel-erfassung"));
        header.addAll(resultColumns);
        return table(e, header, results, (row, r) -> {
            ResultRow rr = r.row();
            row.add(text(rr.unitKey()));
            row.add(text(rr.name()));
            row.add(TIME.format(r.recorded()));
            for (int i = 0; i < resultColumns.size(); i++) {
                String name = resultColumns.get(i);
                String cell = VotemanagerCsvWriter.cell(layout, rr, "", "", meanings.get(i), name);
                row.add(cell.isEmpty() && rr.postal() && ROLL.contains(name) ? "0" : cell);
            }
        });
    }

    /**
     * One header line, then one line per item: the columns every file starts with ({@link #common}),
     * then what {@code cells} adds for the item.
     */
    private static <T> String table(Election e, List<String> header, List<T> items,
            java.util.function.BiConsumer<List<String>, T> cells) {
        StringBuilder out = new StringBuilder(256 + 12 * header.size() * (items.size() + 1));
        VotemanagerCsvWriter.line(out, header);
        List<String> row = new ArrayList<>(header.size());
        for (T item : items) {
            row.clear();
            common(row, e);
            cells.accept(row, item);
            VotemanagerCsvWriter.line(out, row);
        }
        return out.toString();
    }

    private static void common(List<String> row, Election e) {
        row.add(VERSION);
        row.add(text(e.authorityKey()));
        row.add(DATE.format(e.date()));
        row.add(e.name());
    }

    private static void area(List<String> row, Area a) {
        row.add(a == null ? "" : text(a.key()));
        row.add(a == null ? "" : text(a.name()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
