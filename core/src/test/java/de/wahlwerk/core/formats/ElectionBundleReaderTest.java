package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.wahlwerk.core.formats.ElectionBundle.Election;
import de.wahlwerk.core.formats.ElectionBundle.Nomination;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example bundle reads; each broken variant yields its precise problem. */
class ElectionBundleReaderTest {

    private static final List<String> FILES = List.of("elections.csv", "areas.csv", "polling_stations.csv", "units.csv",
            "nominations.csv", "candidates.csv");

    private final ElectionBundleReader reader = new ElectionBundleReader();

    @TempDir
    Path dir;

    /** The example bundle of docs/formats/election-bundle.md as file name → text. */
    private static Map<String, String> example() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (String f : FILES) {
            try (InputStream in = ElectionBundleReaderTest.class.getResourceAsStream("/formats/bundle-example/" + f)) {
                files.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private List<ImportProblem> problemsAfter(String file, String from, String to) throws Exception {
        Map<String, String> files = example();
        assertThat(files.get(file)).contains(from);
        files.put(file, files.get(file).replace(from, to));
        BundleWriter.toDirectory(files, dir);
        ImportException e = catchThrowableOfType(ImportException.class, () -> reader.read(dir));
        assertThat(e).as("expected rejection after replacing %s in %s", from, file).isNotNull();
        return e.problems();
    }

    @Test
    void exampleBundle() throws Exception {
        BundleWriter.toDirectory(example(), dir);
        ElectionBundle b = reader.read(dir);
        assertThat(b.areas()).hasSize(7);
        assertThat(b.areas().get(1)).isEqualTo(new ElectionBundle.Area("admin", AreaLevel.MUNICIPALITY,
                "03159016", "Göttingen, Stadt", "03"));
        assertThat(b.pollingStations()).hasSize(2);
        assertThat(b.pollingStations().get(1).name()).isEqualTo("Gemeindehaus \"Am Anger\"");
        assertThat(b.pollingStations().get(1).stepFree()).isFalse();
        assertThat(b.pollingStations().get(1).chairName()).isNull();
        assertThat(b.units()).extracting(ElectionBundle.Unit::kind)
                .containsExactly(UnitKind.POLLING, UnitKind.POLLING, UnitKind.POLLING, UnitKind.POSTAL);
        assertThat(b.units().get(1).countedWithKey()).isEqualTo("101");
        assertThat(b.units().get(2).countedWithKey()).isNull();
        assertThat(b.units().get(3).areaKeys()).containsExactly(Map.entry("admin", "01"),
                Map.entry("bundestag", "053"));
        Election btw = b.elections().getFirst();
        assertThat(btw.kind()).isEqualTo(ElectionKind.BUNDESTAG);
        assertThat(btw.date()).isEqualTo(LocalDate.of(2025, 2, 23));
        assertThat(btw.seats()).isEqualTo(630);
        assertThat(btw.nominations()).extracting(Nomination::voteKind, Nomination::areaKey, Nomination::shortName)
                .hasSize(5).first().isEqualTo(org.assertj.core.groups.Tuple.tuple(VoteKind.FIRST, "053", "SPD"));
        Nomination eb = btw.nominations().get(2);
        assertThat(eb.groupKind()).isEqualTo(GroupKind.INDEPENDENT);
        assertThat(btw.nominations().get(3).candidates()).extracting(ElectionBundle.Candidate::familyName)
                .containsExactly("Landes", "Beispiel");
        assertThat(btw.nominations().getFirst().candidates().getFirst().title()).isEqualTo("Dr.");
    }

    @Test
    void documentedExampleIsTheTestedOne() throws Exception {
        Path doc = Path.of("../docs/formats/election-bundle.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(doc), "docs not found from " + Path.of("").toAbsolutePath());
        String md = Files.readString(doc);
        for (var e : example().entrySet()) {
            assertThat(md).as(e.getKey()).contains("`" + e.getKey() + "`\n```csv\n" + e.getValue() + "```");
        }
    }

    @Test
    void exampleFromZipInAFolder() throws Exception {
        byte[] zip = BundleWriter.toZip(example(), "wahl2025/");
        ElectionBundle b = reader.readZip(new ByteArrayInputStream(zip), "wahl2025.zip");
        assertThat(b.units()).hasSize(4);
    }

    @Test
    void unknownAreaOfAUnit() throws Exception {
        assertThat(problemsAfter("units.csv", "102;Lohberg (2);Wahlbezirk;WR01;01;053;", "102;Lohberg (2);Wahlbezirk;WR01;09;053;"))
                .containsExactly(ImportProblem.of("units.csv", 3, "area:admin", "unknown-area", "09", "areas.csv (admin)"));
    }

    @Test
    void unknownParent() throws Exception {
        assertThat(problemsAfter("areas.csv", "admin;city_district;02;Weende;03159016", "admin;city_district;02;Weende;03159999"))
                .containsExactly(ImportProblem.of("areas.csv", 5, "parent_key", "unknown-parent", "03159999", "admin"));
    }

    @Test
    void cycleOfParents() throws Exception {
        assertThat(problemsAfter("areas.csv", "admin;state;03;Niedersachsen;\n", "admin;state;03;Niedersachsen;01\n"))
                .containsExactly(ImportProblem.of("areas.csv", 2, "parent_key", "parent-cycle", "03 → 01 → 03159016 → 03"));
    }

    @Test
    void duplicateUnitKey() throws Exception {
        assertThat(problemsAfter("units.csv", "201;Weende-Nord", "101;Weende-Nord"))
                .containsExactly(ImportProblem.of("units.csv", 4, "key", "duplicate-key", "101", "2"));
        assertThat(problemsAfter("units.csv", "053;101\n", "053;102\n"))
                .containsExactly(ImportProblem.of("units.csv", 3, "counted_with", "unknown-unit", "102"));
    }

    @Test
    void countedWithADistrictOfOtherAreasOrKind() throws Exception {
        // 102 (admin area 01) counted with 201 (admin area 02): their joint report could not be split.
        assertThat(problemsAfter("units.csv", "053;101\n", "053;201\n"))
                .containsExactly(ImportProblem.of("units.csv", 3, "counted_with", "counted-with-differs", "201"));
        // A postal district counted with a polling district of the same areas.
        assertThat(problemsAfter("units.csv", "Briefwahlbezirk;;01;053;\n", "Briefwahlbezirk;;01;053;101\n"))
                .containsExactly(ImportProblem.of("units.csv", 5, "counted_with", "counted-with-differs", "101"));
    }

    @Test
    void unknownPollingStationAndPostalWithStation() throws Exception {
        Map<String, String> files = example();
        files.put("units.csv", files.get("units.csv").replace("WR02;02", "WR09;02").replace("Briefwahlbezirk;;", "Briefwahlbezirk;WR01;"));
        BundleWriter.toDirectory(files, dir);
        ImportException e = catchThrowableOfType(ImportException.class, () -> reader.read(dir));
        assertThat(e.problems()).containsExactly(
                ImportProblem.of("units.csv", 4, "polling_station_key", "unknown-polling-station", "WR09"),
                ImportProblem.of("units.csv", 5, "polling_station_key", "postal-with-station"));
    }

    @Test
    void invalidEnumValues() throws Exception {
        assertThat(problemsAfter("polling_stations.csv", "37073;Göttingen;ja;", "37073;Göttingen;vielleicht;"))
                .containsExactly(ImportProblem.of("polling_stations.csv", 2, "step_free", "invalid-value", "vielleicht", "ja, nein"));
        assertThat(problemsAfter("nominations.csv", "btw2025;second;03;2;CDU", "btw2025;list;03;2;CDU"))
                .containsExactly(ImportProblem.of("nominations.csv", 6, "vote_kind", "invalid-value", "list", "first, second"));
    }

    @Test
    void unknownNominationOfACandidate() throws Exception {
        assertThat(problemsAfter("candidates.csv", "btw2025;second;03;CDU;1;Nord", "btw2025;second;053;CDU;1;Nord"))
                .containsExactly(ImportProblem.of("candidates.csv", 7, "nomination", "unknown-nomination", "CDU"));
    }

    @Test
    void implausibleYearOfBirthAndBadNumbers() throws Exception {
        assertThat(problemsAfter("candidates.csv", "Landwirt;1968;", "Landwirt;2010;"))
                .containsExactly(ImportProblem.of("candidates.csv", 3, "year_of_birth", "implausible-year", "2010", "1905", "2007"));
        assertThat(problemsAfter("nominations.csv", "btw2025;first;053;2;CDU", "btw2025;first;053;-2;CDU"))
                .containsExactly(ImportProblem.of("nominations.csv", 3, "ballot_position", "negative-number", "-2"));
        assertThat(problemsAfter("nominations.csv", "btw2025;first;053;2;CDU", "btw2025;first;053;1;CDU"))
                .containsExactly(ImportProblem.of("nominations.csv", 3, "ballot_position", "duplicate-key", "1", "2"));
    }

    @Test
    void missingColumnAndWrongColumnCount() throws Exception {
        assertThat(problemsAfter("areas.csv", "hierarchy;level;key;name;parent_key", "hierarchy;level;key;name"))
                .contains(ImportProblem.of("areas.csv", 1, "parent_key", "missing-column", "parent_key"));
        assertThat(problemsAfter("polling_stations.csv", ";nein;;\n", ";nein;\n"))
                .containsExactly(ImportProblem.of("polling_stations.csv", 3, null, "wrong-column-count", "7", "8"));
    }

    @Test
    void unknownHierarchyColumnAndElection() throws Exception {
        assertThat(problemsAfter("units.csv", "area:bundestag", "area:landtag"))
                .containsExactly(ImportProblem.of("units.csv", 1, "area:landtag", "unknown-hierarchy", "landtag"));
        assertThat(problemsAfter("nominations.csv", "btw2025;first;053;3;", "btw2021;first;053;3;"))
                .containsExactly(ImportProblem.of("nominations.csv", 4, "election", "unknown-election", "btw2021"));
    }

    @Test
    void missingAndUnexpectedFiles() throws Exception {
        Map<String, String> files = example();
        files.remove("units.csv");
        files.put("wahlraeume.csv", "x\n");
        BundleWriter.toDirectory(files, dir);
        Files.writeString(dir.resolve("README.md"), "ignored");
        ImportException e = catchThrowableOfType(ImportException.class, () -> reader.read(dir));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                ImportProblem.of("wahlraeume.csv", 0, null, "unexpected-file", "wahlraeume.csv",
                        "areas.csv, candidates.csv, elections.csv, nominations.csv, polling_stations.csv, units.csv"),
                ImportProblem.of("units.csv", 0, null, "missing-file", "units.csv"));
    }

    @Test
    void latin1InAZip() throws Exception {
        Map<String, String> files = example();
        byte[] zip;
        var out = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(out)) {
            for (var f : files.entrySet()) {
                z.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                z.write(f.getValue().getBytes(f.getKey().equals("areas.csv")
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        zip = out.toByteArray();
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> reader.readZip(new ByteArrayInputStream(zip), "b.zip"));
        // only the encoding is reported: references into the broken areas.csv are not checked
        assertThat(e.problems()).containsExactly(ImportProblem.of("b.zip!areas.csv", 3, null, "encoding", "0xF6", "ö"),
                ImportProblem.of("b.zip!areas.csv", 8, null, "encoding", "0xF6", "ö"));
    }

    @Test
    void notAZip() throws Exception {
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> reader.readZip(new ByteArrayInputStream("hallo".getBytes(StandardCharsets.UTF_8)), "x.zip"));
        assertThat(e.problems()).containsExactly(ImportProblem.of("x.zip", 0, null, "not-a-zip"));
    }
}
