package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.wahlwerk.core.model.VoteKind;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Small hand-made kerg2 files: one valid, each broken one yields its precise problem. */
class Kerg2BrokenFilesTest {

    private final Kerg2Reader reader = new Kerg2Reader();

    private List<ImportProblem> problems(String name) throws Exception {
        try (InputStream in = BrokenFiles.open(name)) {
            ImportException e = catchThrowableOfType(ImportException.class, () -> reader.read(in, name));
            assertThat(e).as("expected %s to be rejected", name).isNotNull();
            return e.problems();
        }
    }

    @Test
    void validFileWithShortPreamble() throws Exception {
        try (InputStream in = BrokenFiles.open("kerg2-valid.csv")) {
            KergResult r = reader.read(in, "kerg2-valid.csv");
            assertThat(r.status()).isEqualTo("Vorläufig");
            assertThat(r.areas()).hasSize(4);
            assertThat(r.constituencies()).extracting(KergArea::elected).containsExactly("AAA", "BBB");
            assertThat(r.federation().counts().votes(VoteKind.SECOND).perNomination())
                    .containsExactly(java.util.Map.entry(1, 300L), java.util.Map.entry(2, 492L));
        }
    }

    @Test
    void unknownParentArea() throws Exception {
        assertThat(problems("kerg2-unknown-area.csv")).containsExactly(
                ImportProblem.of("kerg2-unknown-area.csv", 35, "UegGebietsnummer", "unknown-area", "LAND 02",
                        "kerg2-unknown-area.csv"));
    }

    @Test
    void negativeCount() throws Exception {
        assertThat(problems("kerg2-negative-number.csv")).containsExactly(
                ImportProblem.of("kerg2-negative-number.csv", 31, "Anzahl", "negative-number", "-3"));
    }

    @Test
    void duplicateRow() throws Exception {
        assertThat(problems("kerg2-duplicate-key.csv")).containsExactly(
                ImportProblem.of("kerg2-duplicate-key.csv", 34, "Gruppenreihenfolge", "duplicate-key",
                        "001 / 1 / Stimme 2", "32"));
    }

    @Test
    void fileWithoutHeader() throws Exception {
        // a votemanager file is not a kerg2 file
        assertThat(problems("valid-votemanager.csv")).containsExactly(
                ImportProblem.of("valid-votemanager.csv", 0, null, "missing-header", "Wahlart;Wahltag;Gebietsart"));
    }

    @Test
    void latin1() throws Exception {
        assertThat(problems("latin1.csv")).extracting(ImportProblem::code, ImportProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("encoding", 3L));
    }
}
