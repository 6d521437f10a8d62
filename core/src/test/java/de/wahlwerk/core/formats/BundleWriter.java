package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.ElectionBundle.Area;
import de.wahlwerk.core.formats.ElectionBundle.Candidate;
import de.wahlwerk.core.formats.ElectionBundle.Election;
import de.wahlwerk.core.formats.ElectionBundle.Nomination;
import de.wahlwerk.core.formats.ElectionBundle.PollingStation;
import de.wahlwerk.core.formats.ElectionBundle.Unit;
import de.wahlwerk.core.model.UnitKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Test-side writer of the bundle format, written from the spec, to round-trip generated bundles. */
final class BundleWriter {

    private BundleWriter() {}

    static Map<String, String> write(ElectionBundle b) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder areas = line(new StringBuilder(), "hierarchy", "level", "key", "name", "parent_key");
        for (Area a : b.areas()) {
            line(areas, a.hierarchy(), code(a.level()), a.key(), a.name(), a.parentKey());
        }
        files.put("areas.csv", areas.toString());
        StringBuilder stations = line(new StringBuilder(), "key", "name", "street", "postal_code", "city", "step_free",
                "chair_name", "chair_phone");
        for (PollingStation s : b.pollingStations()) {
            line(stations, s.key(), s.name(), s.street(), s.postalCode(), s.city(), s.stepFree() ? "ja" : "nein",
                    s.chairName(), s.chairPhone());
        }
        files.put("polling_stations.csv", stations.toString());
        Set<String> hierarchies = new LinkedHashSet<>();
        b.units().forEach(u -> hierarchies.addAll(u.areaKeys().keySet()));
        List<String> header = new ArrayList<>(List.of("key", "name", "kind", "polling_station_key"));
        hierarchies.forEach(h -> header.add("area:" + h));
        header.add("counted_with");
        StringBuilder units = line(new StringBuilder(), header.toArray(String[]::new));
        for (Unit u : b.units()) {
            List<String> cells = new ArrayList<>(List.of(u.key(), u.name(),
                    u.kind() == UnitKind.POLLING ? "Wahlbezirk" : "Briefwahlbezirk"));
            cells.add(u.pollingStationKey());
            hierarchies.forEach(h -> cells.add(u.areaKeys().get(h)));
            cells.add(u.countedWithKey());
            line(units, cells.toArray(String[]::new));
        }
        files.put("units.csv", units.toString());
        StringBuilder elections = line(new StringBuilder(), "key", "kind", "name", "date", "seats", "votes_per_voter",
                "max_votes_per_candidate", "hierarchy");
        StringBuilder nominations = line(new StringBuilder(), "election", "vote_kind", "area_key", "ballot_position",
                "short_name", "name", "group_kind");
        StringBuilder candidates = line(new StringBuilder(), "election", "vote_kind", "area_key", "nomination",
                "list_position", "family_name", "given_names", "title", "profession", "year_of_birth", "place");
        for (Election e : b.elections()) {
            line(elections, e.key(), code(e.kind()), e.name(), e.date().format(DateTimeFormatter.ofPattern("dd.MM.uuuu")),
                    str(e.seats()), str(e.votesPerVoter()), str(e.maxVotesPerCandidate()),
                    e.hierarchy());
            for (Nomination n : e.nominations()) {
                line(nominations, e.key(), code(n.voteKind()), n.areaKey(), str(n.ballotPosition()), n.shortName(),
                        n.name(), code(n.groupKind()));
                for (Candidate c : n.candidates()) {
                    line(candidates, e.key(), code(n.voteKind()), n.areaKey(), n.shortName(), str(c.listPosition()),
                            c.familyName(), c.givenNames(), c.title(), c.profession(), str(c.yearOfBirth()), c.place());
                }
            }
        }
        files.put("elections.csv", elections.toString());
        files.put("nominations.csv", nominations.toString());
        files.put("candidates.csv", candidates.toString());
        return files;
    }

    static void toDirectory(Map<String, String> files, Path dir) throws IOException {
        for (var e : files.entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    static byte[] toZip(Map<String, String> files, String folder) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(folder + e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String code(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String str(Integer i) {
        return i == null ? null : i.toString();
    }

    private static StringBuilder line(StringBuilder sb, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(quote(cells[i]));
        }
        return sb.append('\n');
    }

    private static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.contains(";") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
