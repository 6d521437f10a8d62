package de.wahlwerk.core.formats;

import de.wahlwerk.core.seats.municipal.CouncilCandidate;
import de.wahlwerk.core.seats.municipal.CouncilList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Council and Kreistag results exported by AKDB/OSRZ election portals (Bayern), read into
 * {@link CouncilList}s for the seat calculation. Two shapes:
 * <ul>
 * <li>{@code *Listenkandidaturstimmen/<ags>-<list>.csv}: one file per list, column
 * {@code Gruppe-Schluessel} = list name, then one column per candidate headed {@code <number> (<surname>)};
 * the row {@code KREIS|GEMEINDE … GESAMT;SUMME} holds the totals. A folder of these files is one
 * election ({@link #readListFolder}).</li>
 * <li>{@code *Gesamtergebnis.csv}: the overall result, per list {@code D<p>} and per candidate
 * {@code D<p>_<n>}; lists carry no names in this file and are called {@code Liste <p>}, candidates
 * {@code <p>.<n>} ({@link #readTotals}).</li>
 * </ul>
 * All or nothing, like every reader here: any negative or non-numeric count, missing column or
 * missing total row is an {@link ImportProblem} with file, line and column.
 */
public final class AkdbCouncilReader {

    private static final Pattern CANDIDATE = Pattern.compile("(\\d+) \\((.*)\\)");
    private static final Pattern LIST_TOTAL = Pattern.compile("D(\\d+)");
    private static final Pattern CANDIDATE_TOTAL = Pattern.compile("D(\\d+)_(\\d+)");
    private static final List<String> TOP_LEVELS = List.of("KREIS", "STADT", "GEMEINDE");

    /** Lists in ballot order (by the list number in the candidates' numbers, or D&lt;p&gt;). */
    public record Result(String file, List<CouncilList> lists, boolean candidateNames) {
        public Result {
            lists = List.copyOf(lists);
        }
    }

    /** Every {@code *.csv} in the folder is one list file. */
    public Result readListFolder(Path folder) throws ImportException, IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList();
        }
        ProblemCollector problems = new ProblemCollector();
        if (files.isEmpty()) {
            problems.add(folder.getFileName().toString(), 0, null, "akdb-empty-folder");
            problems.throwIfAny();
        }
        Map<Integer, CouncilList> byNumber = new TreeMap<>();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                Numbered list = readList(in, folder.getFileName() + "/" + f.getFileName(), problems);
                if (list != null) {
                    byNumber.put(list.number() * 10_000 + byNumber.size(), list.list());
                }
            }
        }
        problems.throwIfAny();
        return new Result(folder.getFileName().toString(), new ArrayList<>(byNumber.values()), true);
    }

    /** One list file. */
    public CouncilList readListFile(InputStream in, String fileName) throws ImportException, IOException {
        ProblemCollector problems = new ProblemCollector();
        Numbered list = readList(in, fileName, problems);
        problems.throwIfAny();
        return list.list();
    }

    private record Numbered(int number, CouncilList list) {}

    private Numbered readList(InputStream in, String file, ProblemCollector problems) throws IOException {
        List<CsvRow> rows = rows(in, file, problems);
        if (rows == null) {
            return null;
        }
        List<String> header = rows.getFirst().values();
        Cells cells = new Cells(file, problems);
        int area = column(header, "Gebietsart", file, problems);
        int kind = column(header, "Stimmabgabeart", file, problems);
        int type = column(header, "Zeilenart", file, problems);
        int group = column(header, "Gruppe-Schluessel", file, problems);
        if (area < 0 || kind < 0 || type < 0 || group < 0) {
            return null;
        }
        List<String> names = new ArrayList<>();
        int firstNumber = Integer.MAX_VALUE;
        for (int c = group + 1; c < header.size(); c++) {
            String h = header.get(c).strip();
            if (h.isEmpty()) {
                continue;
            }
            Matcher m = CANDIDATE.matcher(h);
            if (!m.matches()) {
                problems.add(file, rows.getFirst().line(), h, "akdb-candidate-column", h);
                continue;
            }
            firstNumber = Math.min(firstNumber, Integer.parseInt(m.group(1)));
            names.add(h);
        }
        CsvRow total = null;
        for (CsvRow r : rows.subList(1, rows.size())) {
            if (r.isBlank()) {
                continue;
            }
            if (r.size() < group + 1 + names.size()) {
                problems.add(file, r.line(), null, "wrong-column-count", Integer.toString(r.size()),
                        Integer.toString(header.size()));
                continue;
            }
            for (int c = group + 1; c < group + 1 + names.size(); c++) {
                cells.count(r.get(c), r.line(), header.get(c));
            }
            if ("GESAMT".equals(r.get(kind)) && "SUMME".equals(r.get(type)) && TOP_LEVELS.contains(r.get(area))
                    && (total == null || TOP_LEVELS.indexOf(r.get(area)) < TOP_LEVELS.indexOf(total.get(area)))) {
                total = r;
            }
        }
        if (total == null) {
            problems.add(file, 0, null, "akdb-no-total");
            return null;
        }
        String listName = cells.required(total.get(group), total.line(), "Gruppe-Schluessel");
        List<CouncilCandidate> candidates = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            Long v = cells.requiredCount(total.get(group + 1 + k), total.line(), names.get(k));
            if (v != null) {
                candidates.add(new CouncilCandidate(names.get(k), v));
            }
        }
        if (listName == null || candidates.size() != names.size()) {
            return null;
        }
        int number = firstNumber == Integer.MAX_VALUE ? 0 : firstNumber / 100;
        return new Numbered(number, CouncilList.ofCandidates(listName, candidates));
    }

    /** The overall result file ({@code gemeinderatGesamtergebnis.csv}, {@code kreistagGesamtergebnis.csv}). */
    public Result readTotals(InputStream in, String file) throws ImportException, IOException {
        ProblemCollector problems = new ProblemCollector();
        List<CsvRow> rows = rows(in, file, problems);
        problems.throwIfAny();
        List<String> header = rows.getFirst().values();
        Cells cells = new Cells(file, problems);
        int area = column(header, "Gebietsart", file, problems);
        Map<Integer, Integer> listColumn = new TreeMap<>();
        Map<Integer, Map<Integer, Integer>> candidateColumns = new TreeMap<>();
        for (int c = 0; c < header.size(); c++) {
            Matcher l = LIST_TOTAL.matcher(header.get(c));
            Matcher k = CANDIDATE_TOTAL.matcher(header.get(c));
            if (l.matches()) {
                listColumn.put(Integer.parseInt(l.group(1)), c);
            } else if (k.matches()) {
                candidateColumns.computeIfAbsent(Integer.parseInt(k.group(1)), x -> new TreeMap<>())
                        .put(Integer.parseInt(k.group(2)), c);
            }
        }
        if (listColumn.isEmpty()) {
            problems.add(file, rows.getFirst().line(), "D1", "missing-column", "D1");
        }
        problems.throwIfAny();
        CsvRow total = null;
        for (CsvRow r : rows.subList(1, rows.size())) {
            if (r.isBlank()) {
                continue;
            }
            if (r.size() < header.size() - 1) {
                problems.add(file, r.line(), null, "wrong-column-count", Integer.toString(r.size()),
                        Integer.toString(header.size()));
                continue;
            }
            for (int c : listColumn.values()) {
                cells.count(r.get(c), r.line(), header.get(c));
            }
            candidateColumns.values().forEach(m -> m.values().forEach(c -> cells.count(r.get(c), r.line(), header.get(c))));
            if (TOP_LEVELS.contains(r.get(area))
                    && (total == null || TOP_LEVELS.indexOf(r.get(area)) < TOP_LEVELS.indexOf(total.get(area)))) {
                total = r;
            }
        }
        if (total == null) {
            problems.add(file, 0, null, "akdb-no-total");
        }
        problems.throwIfAny();
        List<CouncilList> lists = new ArrayList<>();
        for (var e : listColumn.entrySet()) {
            int p = e.getKey();
            Long listVotes = cells.requiredCount(total.get(e.getValue()), total.line(), "D" + p);
            List<CouncilCandidate> candidates = new ArrayList<>();
            for (var c : candidateColumns.getOrDefault(p, Map.of()).entrySet()) {
                Long v = cells.requiredCount(total.get(c.getValue()), total.line(), header.get(c.getValue()));
                candidates.add(new CouncilCandidate(p + "." + c.getKey(), v == null ? 0 : v));
            }
            long sum = candidates.stream().mapToLong(CouncilCandidate::votes).sum();
            if (listVotes != null && !candidates.isEmpty() && sum != listVotes) {
                problems.add(file, total.line(), "D" + p, "akdb-list-sum", Long.toString(listVotes), Long.toString(sum));
            }
            lists.add(new CouncilList("Liste " + p, listVotes == null ? 0 : listVotes, candidates));
        }
        problems.throwIfAny();
        lists.sort(Comparator.comparingInt(l -> Integer.parseInt(l.id().substring(6))));
        return new Result(file, lists, false);
    }

    private static List<CsvRow> rows(InputStream in, String file, ProblemCollector problems) throws IOException {
        String text = TextDecoder.decode(in, file, problems);
        if (text == null) {
            return null;
        }
        List<CsvRow> rows = CsvText.parse(text, file, problems);
        if (rows == null) {
            return null;
        }
        if (rows.size() < 2) {
            problems.add(file, 0, null, rows.isEmpty() ? "empty-file" : "no-rows");
            return null;
        }
        return rows;
    }

    private static int column(List<String> header, String name, String file, ProblemCollector problems) {
        int i = header.indexOf(name);
        if (i < 0) {
            problems.add(file, 1, name, "missing-column", name);
        }
        return i;
    }
}
