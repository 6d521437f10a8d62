package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.OfficialKeys;
import de.wahlwerk.core.model.VoteKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the long result format of the federal returning officer ({@code kerg2.csv},
 * "Ergebnisse nach Wahlkreisen"): one row per area, group and vote.
 *
 * <p>The official file starts with a preamble (copyright, license, status) whose length has changed
 * over the years and which re-publishers sometimes strip, so the header line is searched for
 * rather than assumed at line 10. Percentages and differences are derived values and are not read.
 */
public final class Kerg2Reader {

    static final List<String> REQUIRED = List.of("Wahlart", "Wahltag", "Gebietsart", "Gebietsnummer", "Gebietsname",
            "UegGebietsart", "UegGebietsnummer", "Gruppenart", "Gruppenname", "Gruppenreihenfolge", "Stimme", "Anzahl",
            "Prozent", "VorpAnzahl", "VorpProzent", "DiffProzent", "DiffProzentPkt", "Bemerkung");
    static final String ELECTED = "Gewählt";

    private static final Map<String, AreaLevel> LEVELS = Map.of(
            "Bund", AreaLevel.FEDERATION, "Land", AreaLevel.STATE, "Wahlkreis", AreaLevel.CONSTITUENCY);
    private static final Map<String, AreaLevel> PARENT_LEVELS = Map.of("BUND", AreaLevel.FEDERATION, "LAND", AreaLevel.STATE);
    private static final Map<AreaLevel, AreaLevel> EXPECTED_PARENT = Map.of(
            AreaLevel.STATE, AreaLevel.FEDERATION, AreaLevel.CONSTITUENCY, AreaLevel.STATE);
    private static final String SYSTEM = "System-Gruppe";
    private static final String PARTY = "Partei";
    private static final String INDEPENDENT = "Einzelbewerber/Wählergruppe";
    /** System groups by Gruppenreihenfolge, with the Gruppenname the format gives them. */
    private static final Map<Integer, String> SYSTEM_GROUPS = Map.of(
            -4, "Wahlberechtigte", -3, "Wählende", -2, "Ungültige", -1, "Gültige", KergGroup.OTHERS_POSITION, "Übrige");

    public KergResult read(Path path) throws ImportException, IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.getFileName().toString());
        }
    }

    public KergResult read(InputStream in, String fileName) throws ImportException, IOException {
        Objects.requireNonNull(fileName, "fileName");
        ProblemCollector problems = new ProblemCollector();
        Cells cells = new Cells(fileName, problems);
        String text = TextDecoder.decode(in, fileName, problems);
        List<CsvRow> rows = text == null ? null : CsvText.parse(text, fileName, problems);
        problems.throwIfAny();

        int headerAt = -1;
        String status = null;
        for (int i = 0; i < rows.size() && headerAt < 0; i++) {
            CsvRow r = rows.get(i);
            if ("Wahlart".equals(r.get(0))) {
                headerAt = i;
            } else if ("Status:".equals(r.get(0)) && r.get(1) != null && !r.get(1).isBlank()) {
                status = r.get(1);
            }
        }
        if (headerAt < 0) {
            problems.add(fileName, 0, null, rows.isEmpty() ? "empty-file" : "missing-header", "Wahlart;Wahltag;Gebietsart");
            problems.throwIfAny();
        }
        CsvRow header = rows.get(headerAt);
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (index.putIfAbsent(header.get(i), i) != null) {
                cells.problem(header.line(), header.get(i), "duplicate-column", header.get(i));
            }
        }
        for (String column : REQUIRED) {
            if (!index.containsKey(column)) {
                cells.problem(header.line(), column, "missing-column", column);
            }
        }
        for (String column : index.keySet()) {
            if (!REQUIRED.contains(column) && !column.equals(ELECTED)) {
                cells.problem(header.line(), column, "unknown-column", column);
            }
        }
        problems.throwIfAny();
        return new Reading(cells, index, header.size()).read(rows.subList(headerAt + 1, rows.size()), status);
    }

    /** State while reading the data rows of one file. */
    private static final class Reading {
        private final Cells cells;
        private final Map<String, Integer> index;
        private final int width;
        private final Map<String, KergAreaBuilder> areas = new LinkedHashMap<>();
        private final Map<String, Long> seenRows = new HashMap<>();
        private String electionType;
        private LocalDate electionDay;
        private long firstLine;

        Reading(Cells cells, Map<String, Integer> index, int width) {
            this.cells = cells;
            this.index = index;
            this.width = width;
        }

        private String get(CsvRow row, String column) {
            Integer i = index.get(column);
            return i == null ? null : row.get(i);
        }

        KergResult read(List<CsvRow> rows, String status) throws ImportException {
            int dataRows = 0;
            for (CsvRow row : rows) {
                if (row.isBlank()) {
                    continue;
                }
                dataRows++;
                if (row.size() != width) {
                    cells.problem(row.line(), null, "wrong-column-count", Integer.toString(row.size()),
                            Integer.toString(width));
                    continue;
                }
                row(row);
            }
            if (dataRows == 0) {
                cells.problem(0, null, "no-rows");
            }
            checkParents();
            cells.problems().throwIfAny();
            return new KergResult(cells.file(), electionType, electionDay, status,
                    areas.values().stream().map(KergAreaBuilder::build).toList());
        }

        private void row(CsvRow row) {
            long line = row.line();
            sameInFile(row);
            AreaLevel level = choice(row, "Gebietsart", LEVELS);
            String key = cells.required(get(row, "Gebietsnummer"), line, "Gebietsnummer");
            if (key != null && !OfficialKeys.isValidKey(key)) {
                cells.problem(line, "Gebietsnummer", "invalid-key", key);
                key = null;
            }
            String name = cells.required(get(row, "Gebietsname"), line, "Gebietsname");
            String parentKind = get(row, "UegGebietsart");
            AreaLevel parentLevel = parentKind.isEmpty() ? null : choice(row, "UegGebietsart", PARENT_LEVELS);
            String parentKey = get(row, "UegGebietsnummer").isEmpty() ? null : get(row, "UegGebietsnummer");
            if (level != null && !parentKind.isEmpty() && parentLevel != null && parentLevel != EXPECTED_PARENT.get(level)) {
                cells.problem(line, "UegGebietsart", "invalid-value", parentKind,
                        level == AreaLevel.STATE ? "BUND" : level == AreaLevel.CONSTITUENCY ? "LAND" : "(leer)");
            }
            if (level != null && level != AreaLevel.FEDERATION && parentKey == null) {
                cells.problem(line, "UegGebietsnummer", "missing-value");
            }
            String elected = blankToNull(get(row, ELECTED));
            Integer position = cells.integer(get(row, "Gruppenreihenfolge"), line, "Gruppenreihenfolge");
            String groupKind = get(row, "Gruppenart");
            String groupName = cells.required(get(row, "Gruppenname"), line, "Gruppenname");
            VoteKind vote = vote(row, position);
            Long count = cells.count(get(row, "Anzahl"), line, "Anzahl");
            Long previous = cells.count(get(row, "VorpAnzahl"), line, "VorpAnzahl");
            GroupKind kind = groupKind(row, groupKind, groupName, position);
            if (level == null || key == null || name == null || position == null || groupName == null) {
                return;
            }
            String areaId = level + "/" + key;
            KergAreaBuilder area = areas.get(areaId);
            if (area == null) {
                area = new KergAreaBuilder(line, level, key, name, parentLevel, parentKey, elected);
                areas.put(areaId, area);
            } else {
                sameArea(row, area, "Gebietsname", name, area.name);
                sameArea(row, area, "UegGebietsnummer", Objects.toString(parentKey, ""), Objects.toString(area.parentKey, ""));
                sameArea(row, area, ELECTED, Objects.toString(elected, ""), Objects.toString(area.elected, ""));
            }
            String rowId = areaId + "/" + position + "/" + (vote == null ? "" : vote);
            Long seen = seenRows.putIfAbsent(rowId, line);
            if (seen != null) {
                cells.problem(line, "Gruppenreihenfolge", "duplicate-key",
                        key + " / " + position + " / Stimme " + get(row, "Stimme"), Long.toString(seen));
                return;
            }
            if (position > 0) {
                KergGroup group = new KergGroup(position, groupName, groupKind, kind);
                KergGroup known = area.groups.putIfAbsent(position, group);
                if (known != null && !known.name().equals(groupName)) {
                    cells.problem(line, "Gruppenname", "inconsistent-value", groupName, known.name(),
                            Long.toString(area.groupLines.get(position)));
                }
                area.groupLines.putIfAbsent(position, line);
            }
            put(area.current, position, vote, count);
            put(area.previous, position, vote, previous);
        }

        private static void put(KergAreaBuilder.Numbers n, int position, VoteKind vote, Long value) {
            switch (position) {
                case -4 -> n.eligible = value;
                case -3 -> n.voters = value;
                case -2 -> n.invalid.put(vote, value);
                case -1 -> n.valid.put(vote, value);
                default -> n.group(vote, position, value);
            }
        }

        /** Wahlberechtigte/Wählende belong to no vote; every other row to Stimme 1 or 2. */
        private VoteKind vote(CsvRow row, Integer position) {
            String stimme = get(row, "Stimme");
            boolean noVote = position != null && (position == -4 || position == -3);
            if (noVote) {
                if (!stimme.isEmpty()) {
                    cells.problem(row.line(), "Stimme", "invalid-value", stimme, "(leer)");
                }
                return null;
            }
            return switch (stimme) {
                case "1" -> VoteKind.FIRST;
                case "2" -> VoteKind.SECOND;
                default -> {
                    cells.problem(row.line(), "Stimme", "invalid-value", stimme, "1, 2");
                    yield null;
                }
            };
        }

        private GroupKind groupKind(CsvRow row, String groupKind, String groupName, Integer position) {
            if (position == null || groupName == null) {
                return null;
            }
            String systemName = SYSTEM_GROUPS.get(position);
            if (systemName != null) {
                if (!SYSTEM.equals(groupKind) || !systemName.equals(groupName)) {
                    cells.problem(row.line(), "Gruppenname", "invalid-group", groupKind + " " + groupName,
                            Integer.toString(position), SYSTEM + " " + systemName);
                }
                return null;
            }
            if (position < 1) {
                cells.problem(row.line(), "Gruppenreihenfolge", "invalid-value", Integer.toString(position),
                        "-4, -3, -2, -1, 1…999, 1000");
                return null;
            }
            return switch (groupKind) {
                case PARTY -> GroupKind.PARTY;
                case INDEPENDENT -> GroupKind.INDEPENDENT;
                default -> {
                    cells.problem(row.line(), "Gruppenart", "invalid-value", groupKind, PARTY + ", " + INDEPENDENT);
                    yield null;
                }
            };
        }

        private <T> T choice(CsvRow row, String column, Map<String, T> allowed) {
            String v = get(row, column);
            T t = allowed.get(v);
            if (t == null) {
                cells.problem(row.line(), column, "invalid-value", v, String.join(", ", allowed.keySet().stream().sorted().toList()));
            }
            return t;
        }

        private void sameArea(CsvRow row, KergAreaBuilder area, String column, String value, String expected) {
            if (!value.equals(expected)) {
                cells.problem(row.line(), column, "inconsistent-area", area.key, value, Long.toString(area.line), expected);
            }
        }

        private void sameInFile(CsvRow row) {
            long line = row.line();
            String type = get(row, "Wahlart");
            String day = get(row, "Wahltag");
            if (firstLine == 0) {
                firstLine = line;
                electionType = cells.required(type, line, "Wahlart");
                electionDay = cells.germanDate(day, line, "Wahltag");
                return;
            }
            if (electionType != null && !electionType.equals(type)) {
                cells.problem(line, "Wahlart", "inconsistent-value", type, electionType, Long.toString(firstLine));
            }
            LocalDate d = cells.germanDate(day, line, "Wahltag");
            if (d != null && electionDay != null && !d.equals(electionDay)) {
                cells.problem(line, "Wahltag", "inconsistent-value", day,
                        electionDay.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu")), Long.toString(firstLine));
            }
        }

        /** Every Land needs the Bund, every Wahlkreis its Land, in the same file. */
        private void checkParents() {
            long roots = 0;
            for (KergAreaBuilder a : areas.values()) {
                if (a.level == AreaLevel.FEDERATION) {
                    roots++;
                    if (roots > 1) {
                        cells.problem(a.line, "Gebietsnummer", "wrong-area-count", Long.toString(roots), "Bund", "1");
                    }
                    continue;
                }
                if (a.parentLevel == null || a.parentKey == null) {
                    continue; // reported per row already
                }
                if (!areas.containsKey(a.parentLevel + "/" + a.parentKey)) {
                    cells.problem(a.line, "UegGebietsnummer", "unknown-area",
                            (a.parentLevel == AreaLevel.FEDERATION ? "BUND " : "LAND ") + a.parentKey, cells.file());
                }
            }
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
