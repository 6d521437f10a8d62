package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published votemanager / OK.VOTE file in the fixtures, read and written back with its own
 * header, gives the very same bytes: separator, quoting, encoding, line ends, number format and
 * empty-versus-zero cells are the vendor's.
 */
class VotemanagerWriterRoundTripTest {

    static Stream<String> publishedFiles() {
        return Stream.of(
                "goettingen-btw-wahlbezirke/Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv",
                "goettingen-btw-wahlbezirke/Open-Data-Bundestagswahl2496.csv",
                "vaterstetten-btw2021-okvote/Open-Data-Bundestagswahl1573.csv",
                "vaterstetten-btw2021-okvote/Open-Data-Bundestagswahl1576.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeister-Stichwahl-Bayern1393.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeister-Stichwahl-Bayern1396.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeisterwahl-Bayern1173.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeisterwahl-Bayern1176.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Gemeinderatswahl-Bayern1163.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Gemeinderatswahl-Bayern1166.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Kreistagswahl-Bayern1153.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Kreistagswahl-Bayern1156.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Landratswahl-Bayern1143.csv",
                "vaterstetten-kommunalwahl2020-okvote/Open-Data-Landratswahl-Bayern1146.csv",
                "karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1103.csv",
                "karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1106.csv",
                "ebersberg-buergerentscheid2021-okvote/Open-Data-Kreis-Buergerentscheid-Bayern1481.csv",
                "ebersberg-buergerentscheid2021-okvote/Open-Data-Kreis-Buergerentscheid-Bayern1483.csv");
    }

    @ParameterizedTest
    @MethodSource("publishedFiles")
    void writingAPublishedFileBackGivesTheSameBytes(String relative) throws Exception {
        Path path = Fixtures.file(relative);
        byte[] published = Files.readAllBytes(path);
        ResultFile file = new VotemanagerCsvReader().read(path);

        String written = VotemanagerCsvWriter.write(file, header(published));

        assertThat(written.getBytes(StandardCharsets.UTF_8)).as(relative).isEqualTo(published);
    }

    /** Göttingen's columns are votemanager's standard order for a two-vote election with 23 positions. */
    @Test
    void standardColumnsAreTheVendorsOrder() throws Exception {
        byte[] goettingen = Files.readAllBytes(
                Fixtures.file("goettingen-btw-wahlbezirke/Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv"));
        assertThat(VotemanagerCsvWriter.standardColumns(VotemanagerLayout.FIRST_AND_SECOND, List.of(1, 2, 23),
                List.of(1, 16), new TreeMap<>())).isEqualTo(header(goettingen));
        byte[] landrat = Files.readAllBytes(
                Fixtures.file("vaterstetten-kommunalwahl2020-okvote/Open-Data-Landratswahl-Bayern1143.csv"));
        assertThat(VotemanagerCsvWriter.standardColumns(VotemanagerLayout.SINGLE_VOTE, List.of(9, 1, 2, 5, 7),
                List.of(), new TreeMap<>())).isEqualTo(header(landrat));
        byte[] referendum = Files.readAllBytes(
                Fixtures.file("ebersberg-buergerentscheid2021-okvote/Open-Data-Kreis-Buergerentscheid-Bayern1481.csv"));
        assertThat(VotemanagerCsvWriter.standardColumns(VotemanagerLayout.REFERENDUM, List.of(), List.of(),
                new TreeMap<>())).isEqualTo(header(referendum));
    }

    @Test
    void councilColumnsFollowTheListsAndTheirCandidates() throws Exception {
        Path path = Fixtures.file("vaterstetten-kommunalwahl2020-okvote/Open-Data-Gemeinderatswahl-Bayern1163.csv");
        List<String> published = header(Files.readAllBytes(path));
        ResultFile file = new VotemanagerCsvReader().read(path);
        TreeMap<Integer, Integer> candidates = new TreeMap<>();
        file.rows().getFirst().cumulative().candidateVotes().keySet()
                .forEach(c -> candidates.merge(c.listPosition(), 1, Integer::sum));
        assertThat(VotemanagerCsvWriter.standardColumns(VotemanagerLayout.CUMULATIVE, List.of(), List.of(), candidates))
                .isEqualTo(published);
    }

    @Test
    void aNameWithTheSeparatorIsQuotedAndReadsBack() throws Exception {
        Path path = Fixtures.file("vaterstetten-btw2021-okvote/Open-Data-Bundestagswahl1573.csv");
        ResultFile file = new VotemanagerCsvReader().read(path);
        ResultRow r = file.rows().getFirst();
        ResultRow renamed = new ResultRow(r.line(), r.ags(), r.unitKey(), "Gemeinde \"Vater;stetten\"",
                r.expectedReports(), r.receivedReports(), r.postal(), r.counts(), r.cumulative(), r.writeIns());
        ResultFile changed = new ResultFile(file.file(), file.layout(), file.date(), file.electionName(), file.ags(),
                List.of(renamed));
        String text = VotemanagerCsvWriter.write(changed, header(Files.readAllBytes(path)));
        assertThat(text).contains(";\"Gemeinde \"\"Vater;stetten\"\"\";");
        ResultFile back = new VotemanagerCsvReader().read(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "back.csv");
        assertThat(back.rows().getFirst().name()).isEqualTo("Gemeinde \"Vater;stetten\"");
        assertThat(back.rows().getFirst().counts()).isEqualTo(r.counts());
    }

    @Test
    void unknownColumnsAreRefused() throws Exception {
        ResultFile file = new VotemanagerCsvReader().read(
                Fixtures.file("vaterstetten-btw2021-okvote/Open-Data-Bundestagswahl1573.csv"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VotemanagerCsvWriter.write(file, List.of("datum", "X9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X9");
    }

    static List<String> header(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        return Arrays.asList(text.substring(0, text.indexOf('\n')).split(";", -1));
    }

}
