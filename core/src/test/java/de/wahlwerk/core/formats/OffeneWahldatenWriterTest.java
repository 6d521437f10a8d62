package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.formats.OffeneWahldaten.Area;
import de.wahlwerk.core.formats.OffeneWahldaten.BallotEntry;
import de.wahlwerk.core.formats.OffeneWahldaten.Candidate;
import de.wahlwerk.core.formats.OffeneWahldaten.District;
import de.wahlwerk.core.formats.OffeneWahldaten.Election;
import de.wahlwerk.core.formats.OffeneWahldaten.Parameters;
import de.wahlwerk.core.formats.OffeneWahldaten.Result;
import de.wahlwerk.core.formats.OffeneWahldatenWriter.FileType;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The five files as draft 0.3 of "Offene Wahldaten" shows them (columns of the converter and the
 * reader of fhswf/wahlkarte), written for a small Bundestag election with a polling and a postal
 * district, and read back by the rules of that reader.
 */
class OffeneWahldatenWriterTest {

    private static final Election BTW = new Election("05914000", "Stadt Hagen", LocalDate.of(2025, 2, 23),
            "Wahl zum Deutschen Bundestag", "Wahl zum Deutschen Bundestag");
    private static final Area WK = new Area("137", "137 Hagen - Ennepe-Ruhr-Kreis I");
    private static final LocalDateTime AT = LocalDateTime.of(2025, 2, 23, 18, 42, 7);

    @Test
    void theFileNameFollowsTheConverter() {
        assertThat(OffeneWahldatenWriter.fileName(BTW, FileType.WAHLERGEBNISSE, LocalDateTime.of(2025, 2, 23, 16, 34, 22)))
                .isEqualTo("05914000_23.02.2025_Wahl zum Deutschen Bundestag_Wahlergebnisse_V0-3_23.02.2025 163422.csv");
        Election slash = new Election("03159016", null, LocalDate.of(2024, 6, 9), "Rat/Bezirk", null);
        assertThat(OffeneWahldatenWriter.fileName(slash, FileType.STIMMZETTEL, AT))
                .isEqualTo("03159016_09.06.2024_Rat-Bezirk_Stimmzettel_V0-3_23.02.2025 184207.csv");
    }

    @Test
    void twoVotesGiveDFPairsAfterTheKeyColumns() {
        List<String> columns = OffeneWahldatenWriter.resultColumns(VotemanagerLayout.FIRST_AND_SECOND, Set.of(1, 2), Set.of(1, 2, 3));

        assertThat(columns).containsExactly("A1", "A2", "A3", "A", "B", "B1", "C", "D", "E", "F",
                "D1", "F1", "D2", "F2", "D3", "F3");
        String header = OffeneWahldatenWriter.results(BTW, VotemanagerLayout.FIRST_AND_SECOND, columns, List.of()).strip();
        assertThat(header).isEqualTo("version;wahl-behoerde-gs;wahl-datum;wahl-name;bezirk-nr;bezirk-name;"
                + "zeitstempel-erfassung;A1;A2;A3;A;B;B1;C;D;E;F;D1;F1;D2;F2;D3;F3");
    }

    @Test
    void oneVoteAndReferendumColumns() {
        assertThat(OffeneWahldatenWriter.resultColumns(VotemanagerLayout.SINGLE_VOTE, Set.of(2, 1, 3), Set.of()))
                .containsExactly("A1", "A2", "A3", "A", "B", "B1", "C", "D", "D1", "D2", "D3");
        assertThat(OffeneWahldatenWriter.resultColumns(VotemanagerLayout.REFERENDUM, Set.of(1, 2), Set.of()))
                .containsExactly("A1", "A2", "A3", "A", "B", "B1", "C", "D", "D1", "D2");
        assertThat(OffeneWahldatenWriter.supports(VotemanagerLayout.CUMULATIVE)).isFalse();
        assertThatThrownBy(() -> OffeneWahldatenWriter.resultColumns(VotemanagerLayout.CUMULATIVE, Set.of(1), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPollingAndAPostalDistrictOfABundestagBallot() {
        List<String> columns = OffeneWahldatenWriter.resultColumns(VotemanagerLayout.FIRST_AND_SECOND, Set.of(1, 2), Set.of(1, 2, 3));
        // Position 3 has a list but no constituency candidate: D3 stays empty, F3 is counted.
        Result polling = new Result(row("1011", "1011 Volkspark", false,
                new Counts(561L, 127L, 0L, 688L, 270L, 0L, votes(6, 264, Map.of(1, 150L, 2, 114L), 5, 265, Map.of(1, 100L, 2, 90L, 3, 75L)))), AT);
        // A postal district has no roll: its A cells are empty in our counts and 0 in the file.
        Result postal = new Result(row("8001", "8001 Briefwahlbezirk", true,
                new Counts(null, null, null, null, 583L, 583L, votes(5, 578, Map.of(1, 300L, 2, 278L), 4, 579, Map.of(1, 200L, 2, 200L, 3, 179L)))), AT);

        String text = OffeneWahldatenWriter.results(BTW, VotemanagerLayout.FIRST_AND_SECOND, columns, List.of(polling, postal));

        assertThat(text.split("\n", -1)).containsExactly(
                "version;wahl-behoerde-gs;wahl-datum;wahl-name;bezirk-nr;bezirk-name;zeitstempel-erfassung;"
                        + "A1;A2;A3;A;B;B1;C;D;E;F;D1;F1;D2;F2;D3;F3",
                "0.3;05914000;23.02.2025;Wahl zum Deutschen Bundestag;1011;1011 Volkspark;23.02.2025 18:42:07;"
                        + "561;127;0;688;270;0;6;264;5;265;150;100;114;90;;75",
                "0.3;05914000;23.02.2025;Wahl zum Deutschen Bundestag;8001;8001 Briefwahlbezirk;23.02.2025 18:42:07;"
                        + "0;0;0;0;583;583;5;578;4;579;300;200;278;200;;179",
                "");
        Map<String, Map<String, String>> read = FhswfOwdReader.checkResults(text,
                OffeneWahldatenWriter.districts(BTW, List.of(district("1011", false), district("8001", true))),
                OffeneWahldatenWriter.ballot(BTW, bundestagBallot()));
        assertThat(read.get("8001").get("B")).isEqualTo("583");
        assertThat(read.get("1011").get("D3")).isEmpty();
    }

    @Test
    void theReadersChecksCatchAWrongSum() {
        List<String> columns = OffeneWahldatenWriter.resultColumns(VotemanagerLayout.FIRST_AND_SECOND, Set.of(1, 2), Set.of(1, 2, 3));
        Result wrong = new Result(row("1011", "1011 Volkspark", false,
                new Counts(561L, 127L, 0L, 688L, 270L, 0L, votes(6, 264, Map.of(1, 150L, 2, 113L), 5, 265, Map.of(1, 100L, 2, 90L, 3, 75L)))), AT);
        String text = OffeneWahldatenWriter.results(BTW, VotemanagerLayout.FIRST_AND_SECOND, columns, List.of(wrong));

        assertThatThrownBy(() -> FhswfOwdReader.checkResults(text,
                OffeneWahldatenWriter.districts(BTW, List.of(district("1011", false))),
                OffeneWahldatenWriter.ballot(BTW, bundestagBallot())))
                .hasMessageContaining("Total sum for collected field D");
        // A postal row with empty A cells would fail the reader's A1 + A2 + A3 = A: hence the zeros.
        String emptyRoll = text.replace(";561;127;0;688;", ";;;;;");
        assertThatThrownBy(() -> FhswfOwdReader.checkResults(emptyRoll,
                OffeneWahldatenWriter.districts(BTW, List.of(district("1011", false))),
                OffeneWahldatenWriter.ballot(BTW, bundestagBallot())))
                .hasMessageContaining("checkWahlberechtigte");
    }

    @Test
    void cellsAreQuotedOnlyWhereNeededAndEmptyWhereUnknown() {
        Election odd = new Election("05914000", "Stadt \"Hagen\"", LocalDate.of(2025, 2, 23), "Wahl; neu", null);
        List<Candidate> candidates = List.of(
                new Candidate("SPD", "Sozialdemokratische Partei Deutschlands", "Schisanowski", null, "Timo", null, 1981,
                        null, "Politiker", WK, 0),
                new Candidate("GRÜNE", "BÜNDNIS 90/DIE GRÜNEN", "Jalili Tanha", null, "Thomas", "Dr.", null, null,
                        "Arzt;\nLehrer", null, 7));

        String text = OffeneWahldatenWriter.candidates(odd, candidates);

        assertThat(text).isEqualTo("version;wahl-behoerde-gs;wahl-datum;wahl-name;partei-kurzname;partei-langname;"
                + "kandidat-name;kandidat-namensvorsatz;kandidat-vorname;kandidat-akadgrad;kandidat-geburtsjahr;"
                + "kandidat-geschlecht;kandidat-beruf;kandidat-gebiet-nr;kandidat-gebiet-bezeichnung;kandidat-listenplatz\n"
                + "0.3;05914000;23.02.2025;\"Wahl; neu\";SPD;Sozialdemokratische Partei Deutschlands;Schisanowski;;Timo;;1981;;"
                + "Politiker;137;137 Hagen - Ennepe-Ruhr-Kreis I;0\n"
                + "0.3;05914000;23.02.2025;\"Wahl; neu\";GRÜNE;BÜNDNIS 90/DIE GRÜNEN;Jalili Tanha;;Thomas;Dr.;;;"
                + "\"Arzt;\nLehrer\";;;7\n");
        assertThat(text.getBytes(StandardCharsets.UTF_8)[0]).isEqualTo((byte) 'v'); // no BOM
        List<Map<String, String>> read = FhswfOwdReader.read(FileType.KANDIDATEN, text);
        assertThat(read.get(1).get("kandidat-beruf")).isEqualTo("Arzt;\nLehrer");
        assertThat(read.get(0).get("wahl-name")).isEqualTo("Wahl; neu");

        String parameters = OffeneWahldatenWriter.parameters(odd, new Parameters("Wahlkreis",
                Arrays.asList("Stadtbezirk", null, "Wahlkreis"), "Wahlbezirk"));
        assertThat(parameters).isEqualTo("version;wahl-behoerde-gs;wahl-behoerde-name;wahl-datum;wahl-name;"
                + "wahl-bezeichnung;kandidat-gebiet-bezeichnung;gebiet-ebene-5-bezeichnung;gebiet-ebene-4-bezeichnung;"
                + "gebiet-ebene-3-bezeichnung;gebiet-ebene-2-bezeichnung;bezirk-bezeichnung\n"
                + "0.3;05914000;\"Stadt \"\"Hagen\"\"\";23.02.2025;\"Wahl; neu\";;Wahlkreis;;Wahlkreis;;Stadtbezirk;Wahlbezirk\n");
        assertThat(FhswfOwdReader.read(FileType.WAHLPARAMETER, parameters).getFirst().get("wahl-behoerde-name"))
                .isEqualTo("Stadt \"Hagen\"");
    }

    @Test
    void districtsAndBallotColumns() {
        String districts = OffeneWahldatenWriter.districts(BTW, List.of(district("1011", false), district("8001", true)));
        assertThat(districts.split("\n")).containsExactly(
                "version;wahl-behoerde-gs;wahl-datum;wahl-name;wahl-leiter-gs;wahl-leiter-name;gebiet-ebene-5-nr;"
                        + "gebiet-ebene-5-name;gebiet-ebene-4-nr;gebiet-ebene-4-name;gebiet-ebene-3-nr;gebiet-ebene-3-name;"
                        + "gebiet-ebene-2-nr;gebiet-ebene-2-name;bezirk-nr;bezirk-name;bezirk-art;bezirk-repräsentativ;"
                        + "kandidat-gebiet-nr;kandidat-gebiet-bezeichnung;stimmzettel-gebiet-nr;stimmzettel-gebiet-bezeichnung",
                "0.3;05914000;23.02.2025;Wahl zum Deutschen Bundestag;05914000;Stadt Hagen;;;;;137;"
                        + "137 Hagen - Ennepe-Ruhr-Kreis I;01;01 Mittelstadt;1011;Bezirk 1011;W;;137;"
                        + "137 Hagen - Ennepe-Ruhr-Kreis I;;",
                "0.3;05914000;23.02.2025;Wahl zum Deutschen Bundestag;05914000;Stadt Hagen;;;;;137;"
                        + "137 Hagen - Ennepe-Ruhr-Kreis I;01;01 Mittelstadt;8001;Bezirk 8001;B;;137;"
                        + "137 Hagen - Ennepe-Ruhr-Kreis I;;");
        FhswfOwdReader.read(FileType.WAHLGEBIETSEINTEILUNGEN, districts);

        String ballot = OffeneWahldatenWriter.ballot(BTW, bundestagBallot());
        assertThat(ballot.split("\n")[0]).isEqualTo("version;wahl-behoerde-gs;wahl-datum;wahl-name;stimmzettel-gebiet-nr;"
                + "stimmzettel-gebiet-bezeichnung;stimmzettel-position;partei-kurzname;partei-langname;partei-rgb-wert;partei-typ");
        assertThat(ballot.split("\n")[4]).isEqualTo(
                "0.3;05914000;23.02.2025;Wahl zum Deutschen Bundestag;;;4;Müller;Hans Müller;#999999;E");
        assertThat(FhswfOwdReader.read(FileType.STIMMZETTEL, ballot)).hasSize(4);
    }

    private static District district(String key, boolean postal) {
        return new District(Arrays.asList(new Area("01", "01 Mittelstadt"), WK), key, "Bezirk " + key, postal, null, WK, null);
    }

    private static List<BallotEntry> bundestagBallot() {
        return List.of(new BallotEntry(null, 1, "SPD", "Sozialdemokratische Partei Deutschlands", "#d60029", false),
                new BallotEntry(null, 2, "CDU", "Christlich Demokratische Union Deutschlands", "#010101", false),
                new BallotEntry(null, 3, "GRÜNE", "BÜNDNIS 90/DIE GRÜNEN", "#33cc00", false),
                new BallotEntry(null, 4, "Müller", "Hans Müller", "#999999", true));
    }

    private static ResultRow row(String key, String name, boolean postal, Counts counts) {
        return new ResultRow(0, "05914000", key, name, 1, 1, postal, counts, null, List.of());
    }

    private static Map<VoteKind, VoteCounts> votes(long c, long d, Map<Integer, Long> first, long e, long f,
            Map<Integer, Long> second) {
        Map<VoteKind, VoteCounts> m = new LinkedHashMap<>();
        m.put(VoteKind.FIRST, new VoteCounts(c, d, new TreeMap<>(first)));
        m.put(VoteKind.SECOND, new VoteCounts(e, f, new TreeMap<>(second)));
        return m;
    }
}
