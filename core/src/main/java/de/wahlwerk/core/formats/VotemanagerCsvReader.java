package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.CumulativeDetails.CandidateRef;
import de.wahlwerk.core.formats.VotemanagerColumn.BallotSums;
import de.wahlwerk.core.formats.VotemanagerColumn.CandidateVotes;
import de.wahlwerk.core.formats.VotemanagerColumn.ListBallots;
import de.wahlwerk.core.formats.VotemanagerColumn.NominationVotes;
import de.wahlwerk.core.formats.VotemanagerColumn.WriteInField;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.OfficialKeys;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the open-data CSV that votemanager and AKDB OK.VOTE publish per election and area level
 * ({@code datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;…}).
 *
 * <p>All or nothing: either every row is valid and a {@link ResultFile} is returned, or an
 * {@link ImportException} lists every problem found (file, line, column, what is wrong).
 * Checks are about the file's form (columns, numbers, keys); whether the numbers add up is the
 * business of the plausibility checks, which also run on hand-entered quick reports.
 */
public final class VotemanagerCsvReader {

    /** Names the offices give postal districts: "563 BW-Theaterstraße", "021 Briefwahl I Karlstadt". */
    private static final Pattern POSTAL_NAME = Pattern.compile("(?i)(^|[\\s(])(BW[-\\s]|Briefwahl)");

    private final VoteKind singleVoteKind;

    /** Single-vote files are read as {@link VoteKind#CANDIDATE} (mayor, county head). */
    public VotemanagerCsvReader() {
        this(VoteKind.CANDIDATE);
    }

    /**
     * @param singleVoteKind the vote kind of {@link VotemanagerLayout#SINGLE_VOTE} files, which the
     *                       file itself does not tell: CANDIDATE (mayor) or LIST (e.g. Europawahl)
     */
    public VotemanagerCsvReader(VoteKind singleVoteKind) {
        if (singleVoteKind != VoteKind.CANDIDATE && singleVoteKind != VoteKind.LIST) {
            throw new IllegalArgumentException("single-vote files hold CANDIDATE or LIST votes, not " + singleVoteKind);
        }
        this.singleVoteKind = singleVoteKind;
    }

    public ResultFile read(Path path) throws ImportException, IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.getFileName().toString());
        }
    }

    /**
     * @param in       the file's bytes (UTF-8, a BOM is skipped); not closed
     * @param fileName the name to put into problems
     */
    public ResultFile read(InputStream in, String fileName) throws ImportException, IOException {
        Objects.requireNonNull(fileName, "fileName");
        ProblemCollector problems = new ProblemCollector();
        Cells cells = new Cells(fileName, problems);
        String text = TextDecoder.decode(in, fileName, problems);
        List<CsvRow> rows = text == null ? null : CsvText.parse(text, fileName, problems);
        if (rows != null && rows.isEmpty()) {
            problems.add(fileName, 0, null, "empty-file");
        }
        problems.throwIfAny();

        VotemanagerHeader header = VotemanagerHeader.read(rows.getFirst(), cells);
        problems.throwIfAny();
        if (rows.size() == 1) {
            problems.add(fileName, 0, null, "no-rows");
            problems.throwIfAny();
        }
        return new FileReading(header, cells).read(rows.subList(1, rows.size()));
    }

    /** State of reading one file's data rows. */
    private final class FileReading {
        private final VotemanagerHeader header;
        private final Cells cells;
        private final Map<String, Long> firstLineOfKey = new HashMap<>();
        private LocalDate date;
        private String electionName;
        private String ags;
        private boolean agsVaries;
        private long firstLine;

        FileReading(VotemanagerHeader header, Cells cells) {
            this.header = header;
            this.cells = cells;
        }

        ResultFile read(List<CsvRow> rows) throws ImportException {
            List<ResultRow> result = new ArrayList<>();
            int width = header.columns().size();
            for (CsvRow row : rows) {
                if (row.size() != width) {
                    cells.problem(row.line(), null, "wrong-column-count",
                            Integer.toString(row.size()), Integer.toString(width));
                    continue;
                }
                ResultRow r = row(row);
                if (r != null) {
                    result.add(r);
                }
            }
            cells.problems().throwIfAny();
            return new ResultFile(cells.file(), header.layout(), date, electionName, agsVaries ? null : ags, result);
        }

        private String text(CsvRow row, String column) {
            return row.get(header.at(column));
        }

        private Long count(CsvRow row, String column) {
            Integer i = header.at(column);
            return i == null ? null : cells.count(row.get(i), row.line(), column);
        }

        private ResultRow row(CsvRow row) {
            long line = row.line();
            int before = cells.problems().size();
            checkSameInFile(row);
            String rowAgs = text(row, "ags");
            if (!OfficialKeys.isAgs(rowAgs)) {
                cells.problem(line, "ags", "invalid-ags", rowAgs);
            }
            String unitKey = text(row, "gebiet-nr");
            if (!unitKey.isEmpty() && !OfficialKeys.isValidKey(unitKey)) {
                cells.problem(line, "gebiet-nr", "invalid-key", unitKey);
            }
            String key = rowAgs + "/" + unitKey;
            Long seen = firstLineOfKey.putIfAbsent(key, line);
            if (seen != null) {
                cells.problem(line, "gebiet-nr", "duplicate-key", unitKey.isEmpty() ? rowAgs : unitKey, Long.toString(seen));
            }
            String name = text(row, "gebiet-name");
            Long expected = cells.requiredCount(text(row, "max-schnellmeldungen"), line, "max-schnellmeldungen");
            Long received = cells.requiredCount(text(row, "anz-schnellmeldungen"), line, "anz-schnellmeldungen");
            if (expected != null && received != null && received > expected) {
                cells.problem(line, "anz-schnellmeldungen", "reports-exceed-expected",
                        received.toString(), expected.toString());
            }
            Counts counts = counts(row);
            CumulativeDetails cumulative = header.layout() == VotemanagerLayout.CUMULATIVE ? cumulative(row) : null;
            List<WriteIn> writeIns = writeIns(row);
            if (cells.problems().size() != before) {
                return null;
            }
            return new ResultRow(line, rowAgs, unitKey.isEmpty() ? null : unitKey, name, expected, received,
                    isPostal(name, counts), counts, cumulative, writeIns);
        }

        /** datum and wahl describe the file, so every row must agree with the first. */
        private void checkSameInFile(CsvRow row) {
            long line = row.line();
            if (firstLine == 0) {
                firstLine = line;
                date = cells.germanDate(text(row, "datum"), line, "datum");
                electionName = cells.required(text(row, "wahl"), line, "wahl");
                ags = text(row, "ags");
                return;
            }
            LocalDate d = cells.germanDate(text(row, "datum"), line, "datum");
            if (d != null && date != null && !d.equals(date)) {
                cells.problem(line, "datum", "inconsistent-value", text(row, "datum"),
                        date.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu")), Long.toString(firstLine));
            }
            String w = cells.required(text(row, "wahl"), line, "wahl");
            if (w != null && electionName != null && !w.equals(electionName)) {
                cells.problem(line, "wahl", "inconsistent-value", w, electionName, Long.toString(firstLine));
            }
            if (!text(row, "ags").equals(ags)) {
                agsVaries = true;
            }
        }

        private Counts counts(CsvRow row) {
            Long withCard = header.at("B1") != null ? count(row, "B1") : count(row, "B2");
            Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
            switch (header.layout()) {
                case FIRST_AND_SECOND -> {
                    votes.put(VoteKind.FIRST, new VoteCounts(count(row, "C"), count(row, "D"), perNomination(row, 'D')));
                    votes.put(VoteKind.SECOND, new VoteCounts(count(row, "E"), count(row, "F"), perNomination(row, 'F')));
                }
                case SINGLE_VOTE -> votes.put(singleVoteKind,
                        new VoteCounts(count(row, "C"), count(row, "D"), perNomination(row, 'D')));
                case CUMULATIVE -> votes.put(VoteKind.CUMULATIVE,
                        new VoteCounts(count(row, "C"), count(row, "D"), perNomination(row, 'D')));
                case REFERENDUM -> votes.put(VoteKind.YES_NO,
                        new VoteCounts(count(row, "C03"), count(row, "C04"), perNomination(row, 'C')));
            }
            return new Counts(count(row, "A1"), count(row, "A2"), count(row, "A3"), count(row, "A"),
                    count(row, "B"), withCard, votes);
        }

        /** Votes per ballot position; an empty cell stays as a null value (did not stand there). */
        private Map<Integer, Long> perNomination(CsvRow row, char letter) {
            Map<Integer, Long> votes = new TreeMap<>();
            for (int i = 0; i < header.columns().size(); i++) {
                if (header.columns().get(i) instanceof NominationVotes(char l, int position) && l == letter) {
                    votes.put(position, cells.count(row.get(i), row.line(), header.columnName(i)));
                }
            }
            return votes;
        }

        private CumulativeDetails cumulative(CsvRow row) {
            Map<Integer, Long> unchanged = new TreeMap<>();
            Map<Integer, Long> changed = new TreeMap<>();
            Map<CandidateRef, Long> candidates = new LinkedHashMap<>();
            Long unchangedTotal = null;
            Long changedTotal = null;
            for (int i = 0; i < header.columns().size(); i++) {
                String column = header.columnName(i);
                switch (header.columns().get(i)) {
                    case ListBallots(int list, boolean isChanged) ->
                            (isChanged ? changed : unchanged).put(list, cells.count(row.get(i), row.line(), column));
                    case CandidateVotes(int list, int position) -> candidates.put(new CandidateRef(list, position),
                            cells.count(row.get(i), row.line(), column));
                    case BallotSums(boolean isChanged) -> {
                        Long v = cells.count(row.get(i), row.line(), column);
                        if (isChanged) {
                            changedTotal = v;
                        } else {
                            unchangedTotal = v;
                        }
                    }
                    case null, default -> { }
                }
            }
            return new CumulativeDetails(count(row, "E"), unchanged, changed, unchangedTotal, changedTotal, candidates);
        }

        private List<WriteIn> writeIns(CsvRow row) {
            Map<Integer, Map<String, String>> byNumber = new TreeMap<>();
            for (int i = 0; i < header.columns().size(); i++) {
                if (header.columns().get(i) instanceof WriteInField(int number, String attribute)) {
                    byNumber.computeIfAbsent(number, _ -> new HashMap<>()).put(attribute, row.get(i));
                }
            }
            List<WriteIn> result = new ArrayList<>();
            byNumber.forEach((number, fields) -> {
                if (fields.values().stream().allMatch(v -> v == null || v.isEmpty())) {
                    return;
                }
                result.add(new WriteIn(number, blankToNull(fields.get("Name")), blankToNull(fields.get("Vorname")),
                        blankToNull(fields.get("Beruf_Taetigkeit")), blankToNull(fields.get("Bemerkung")),
                        cells.count(fields.get("Stimmen"), row.line(), "H_" + number + "_Stimmen")));
            });
            return result;
        }
    }

    /**
     * Postal districts are not flagged by the vendor. They are recognised by name, or by having
     * voters but no roll: 2025 exports leave their A fields empty, older ones write 0.
     */
    static boolean isPostal(String name, Counts c) {
        if (name != null && POSTAL_NAME.matcher(name).find()) {
            return true;
        }
        boolean noRoll = isZeroOrNull(c.eligibleNoCard()) && isZeroOrNull(c.eligibleWithCard())
                && isZeroOrNull(c.eligibleAdded()) && isZeroOrNull(c.eligible());
        return noRoll && c.voters() != null && c.voters() > 0;
    }

    private static boolean isZeroOrNull(Long v) {
        return v == null || v == 0L;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
