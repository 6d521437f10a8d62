package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.wahlwerk.core.model.VoteKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each broken file yields exactly the expected problem: file, line, column and code. */
class VotemanagerBrokenFilesTest {

    private final VotemanagerCsvReader reader = new VotemanagerCsvReader();

    private List<ImportProblem> problems(String name) throws Exception {
        try (InputStream in = BrokenFiles.open(name)) {
            ImportException e = catchThrowableOfType(ImportException.class, () -> reader.read(in, name));
            assertThat(e).as("expected %s to be rejected", name).isNotNull();
            return e.problems();
        }
    }

    @Test
    void validFileReads() throws Exception {
        try (InputStream in = BrokenFiles.open("valid-votemanager.csv")) {
            ResultFile f = reader.read(in, "valid-votemanager.csv");
            assertThat(f.rows()).hasSize(3);
            assertThat(f.rows().get(1).name()).isEqualTo("102 Süd");
            assertThat(f.postalRows()).extracting(ResultRow::unitKey).containsExactly("501");
        }
    }

    @Test
    void wrongColumnCount() throws Exception {
        assertThat(problems("wrong-column-count.csv")).containsExactly(
                ImportProblem.of("wrong-column-count.csv", 3, null, "wrong-column-count", "20", "21"));
    }

    @Test
    void negativeNumber() throws Exception {
        List<ImportProblem> p = problems("negative-number.csv");
        assertThat(p).containsExactly(ImportProblem.of("negative-number.csv", 4, "D1", "negative-number", "-3"));
        assertThat(p.getFirst().message(Locale.GERMAN)).isEqualTo(
                "Datei negative-number.csv, Zeile 4, Spalte „D1“: „-3“ ist negativ; erwartet wird eine Anzahl ≥ 0.");
        assertThat(p.getFirst().message(Locale.ENGLISH)).isEqualTo(
                "File negative-number.csv, line 4, column \"D1\": \"-3\" is negative; expected a count >= 0.");
    }

    @Test
    void notANumber() throws Exception {
        assertThat(problems("not-a-number.csv")).containsExactly(
                ImportProblem.of("not-a-number.csv", 3, "B", "not-a-number", "1.500"));
    }

    @Test
    void duplicateKey() throws Exception {
        assertThat(problems("duplicate-key.csv")).containsExactly(
                ImportProblem.of("duplicate-key.csv", 4, "gebiet-nr", "duplicate-key", "101", "2"));
    }

    @Test
    void latin1IsRejectedNamingTheLine() throws Exception {
        List<ImportProblem> p = problems("latin1.csv");
        assertThat(p).containsExactly(ImportProblem.of("latin1.csv", 3, null, "encoding", "0xFC", "ü"));
        assertThat(p.getFirst().message()).startsWith("Datei latin1.csv, Zeile 3: ").contains("UTF-8");
    }

    @Test
    void emptyFile() throws Exception {
        assertThat(problems("empty.csv")).containsExactly(ImportProblem.of("empty.csv", 0, null, "empty-file"));
    }

    @Test
    void headerOnly() throws Exception {
        assertThat(problems("header-only.csv")).containsExactly(ImportProblem.of("header-only.csv", 0, null, "no-rows"));
    }

    @Test
    void missingColumn() throws Exception {
        assertThat(problems("missing-column.csv")).containsExactly(
                ImportProblem.of("missing-column.csv", 1, "B1", "missing-column", "B1"));
    }

    @Test
    void quotedNewlineKeepsPhysicalLineNumbers() throws Exception {
        // the record in lines 2–3 has a quoted line break, so the next record starts in line 4, not 3
        assertThat(problems("quoted-newline.csv")).containsExactly(
                ImportProblem.of("quoted-newline.csv", 4, "F2", "not-a-number", "x"));
    }

    @Test
    void bomAndCrlfAreAccepted() throws Exception {
        try (InputStream in = BrokenFiles.open("bom-crlf.csv")) {
            ResultFile f = reader.read(in, "bom-crlf.csv");
            assertThat(f.rows()).singleElement().satisfies(r -> {
                assertThat(r.counts().votes(VoteKind.SECOND).votesFor(2)).isEqualTo(208);
                assertThat(r.line()).isEqualTo(2);
            });
        }
    }

    @Test
    void allProblemsOfAFileAreReportedUpToTheLimit() throws Exception {
        StringBuilder csv = new StringBuilder(
                "datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;C;D\n");
        for (int i = 1; i <= 150; i++) {
            csv.append("15.03.2020;Wahl;09175132;").append(i).append(";X;1;1;-1;0;0;0;0;0;0;0\n");
        }
        InputStream in = new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8));
        ImportException e = catchThrowableOfType(ImportException.class, () -> reader.read(in, "many.csv"));
        assertThat(e.problems()).hasSize(ProblemCollector.LIMIT + 1);
        assertThat(e.problems().get(99)).isEqualTo(ImportProblem.of("many.csv", 101, "A1", "negative-number", "-1"));
        assertThat(e.problems().getLast()).isEqualTo(ImportProblem.of("many.csv", 0, null, "too-many-problems", "50"));
    }

    @Test
    void unknownAndMisplacedColumns() throws Exception {
        String csv = "datum;wahl;ags;gebiet-nr;gebiet-name;max-schnellmeldungen;anz-schnellmeldungen;A1;A2;A3;A;B;B1;C;D;E;F;D1;F1;D1_1;X9\n"
                + "23.02.2025;W;03159016;1;a;1;1;0;0;0;0;0;0;0;0;0;0;0;0;0;0\n";
        InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
        ImportException e = catchThrowableOfType(ImportException.class, () -> reader.read(in, "cols.csv"));
        assertThat(e.problems()).containsExactly(
                ImportProblem.of("cols.csv", 1, "X9", "unknown-column", "X9"),
                ImportProblem.of("cols.csv", 1, "D1_1", "column-not-in-layout", "D1_1", "FIRST_AND_SECOND"));
    }

    @Test
    void everyCodeHasGermanAndEnglishText() {
        for (String code : List.of("encoding", "empty-file", "no-rows", "csv-syntax", "missing-header", "missing-column",
                "unknown-column", "duplicate-column", "column-not-in-layout", "wrong-column-count", "not-a-number",
                "negative-number", "number-too-large", "missing-value", "invalid-date", "invalid-ags", "invalid-key",
                "duplicate-key", "inconsistent-value", "reports-exceed-expected", "invalid-value", "unknown-area",
                "unknown-parent", "parent-cycle", "level-order", "unknown-polling-station", "unknown-nomination",
                "unknown-hierarchy", "invalid-hierarchy", "postal-with-station", "polling-without-station",
                "implausible-year", "out-of-range", "missing-file", "unexpected-file", "invalid-zip",
                "inconsistent-area", "invalid-group", "wrong-area-count", "too-many-problems", "io", "not-a-zip",
                "unknown-election", "too-large", "invalid-postal-code", "unknown-unit")) {
            ImportProblem p = ImportProblem.of("f.csv", 2, "c", code, "a1", "a2", "a3", "a4");
            assertThat(p.message(Locale.GERMAN)).as(code).startsWith("Datei f.csv, Zeile 2, Spalte „c“: ")
                    .doesNotContain("Fehler „");
            assertThat(p.message(Locale.ENGLISH)).as(code).startsWith("File f.csv, line 2, column \"c\": ")
                    .doesNotContain("Problem \"");
        }
        assertThat(ImportProblem.of("f.csv", 0, null, "empty-file").message(Locale.US)).startsWith("File f.csv: ");
        assertThat(ImportProblem.of("f.csv", 0, null, "empty-file").message(Locale.FRENCH)).startsWith("Datei f.csv: ");
    }
}
