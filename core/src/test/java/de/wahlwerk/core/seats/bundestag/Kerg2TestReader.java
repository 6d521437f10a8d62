package de.wahlwerk.core.seats.bundestag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Minimal test-side reader of the Bundeswahlleiterin's long "kerg2" CSV (the production reader
 * lives in core.formats and is written separately). Works for the 2025 file (preamble, BOM,
 * Gewählt column) and the 2021 file (no preamble). Land key = Land name.
 */
final class Kerg2TestReader {

    /** Parsed file: the seat-calculation input and, for 2025, the official Gewählt value per Wahlkreis. */
    record Kerg2(BundestagVotes votes, Map<String, String> gewaehlt, Map<String, String> constituencyNames) {}

    private Kerg2TestReader() {}

    static Kerg2 read(Path file, Set<String> minorityParties) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int header = 0;
        while (!lines.get(header).replace("\uFEFF", "").startsWith("Wahlart;")) {
            header++;
        }
        String[] cols = lines.get(header).replace("\uFEFF", "").split(";", -1);
        Map<String, Integer> ix = new LinkedHashMap<>();
        for (int i = 0; i < cols.length; i++) {
            ix.put(cols[i], i);
        }
        Map<String, String> landNames = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(header + 1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(";", -1);
            rows.add(f);
            if (f[ix.get("Gebietsart")].equals("Land")) {
                landNames.put(norm(f[ix.get("Gebietsnummer")]), f[ix.get("Gebietsname")]);
            }
        }
        long validSecond = 0;
        List<LandList> lists = new ArrayList<>();
        Map<String, Long> validFirst = new LinkedHashMap<>();
        Map<String, String> landOf = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<ConstituencyCandidate>> candidates = new LinkedHashMap<>();
        Map<String, String> gewaehlt = new LinkedHashMap<>();
        for (String[] f : rows) {
            String art = f[ix.get("Gebietsart")];
            String gruppenart = f[ix.get("Gruppenart")];
            String gruppe = f[ix.get("Gruppenname")];
            String stimme = f[ix.get("Stimme")];
            String anzahl = f[ix.get("Anzahl")];
            if (anzahl.isEmpty()) {
                continue;
            }
            long n = Long.parseLong(anzahl);
            switch (art) {
                case "Bund" -> {
                    if (gruppe.equals("Gültige") && stimme.equals("2")) {
                        validSecond = n;
                    }
                }
                case "Land" -> {
                    if (gruppenart.equals("Partei") && stimme.equals("2") && n > 0) {
                        lists.add(new LandList(f[ix.get("Gebietsname")], gruppe, n, Optional.empty()));
                    }
                }
                case "Wahlkreis" -> {
                    String wk = f[ix.get("Gebietsnummer")];
                    landOf.put(wk, landNames.get(norm(f[ix.get("UegGebietsnummer")])));
                    names.put(wk, f[ix.get("Gebietsname")]);
                    if (ix.containsKey("Gewählt")) {
                        gewaehlt.put(wk, f[ix.get("Gewählt")]);
                    }
                    if (!stimme.equals("1")) {
                        continue;
                    }
                    if (gruppe.equals("Gültige")) {
                        validFirst.put(wk, n);
                    } else if (gruppenart.equals("Partei")) {
                        candidates.computeIfAbsent(wk, k -> new ArrayList<>())
                                .add(ConstituencyCandidate.ofParty(gruppe + "@" + wk, gruppe, n));
                    } else if (gruppenart.equals("Einzelbewerber/Wählergruppe")) {
                        candidates.computeIfAbsent(wk, k -> new ArrayList<>())
                                .add(ConstituencyCandidate.independent(gruppe + "@" + wk, n, Map.of()));
                    }
                }
                default -> { }
            }
        }
        List<Constituency> constituencies = new ArrayList<>();
        for (var e : names.keySet()) {
            constituencies.add(new Constituency(e, landOf.get(e), validFirst.get(e), candidates.getOrDefault(e, List.of())));
        }
        return new Kerg2(new BundestagVotes(validSecond, lists, constituencies, minorityParties), gewaehlt, names);
    }

    private static String norm(String number) {
        return String.valueOf(Integer.parseInt(number));
    }
}
