package de.wahlwerk.core.formats;

import static de.wahlwerk.core.formats.Flatten.total;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every published votemanager / OK.VOTE file in the fixtures imports, and reproduces the figures
 * stated in its SOURCE.md (which were checked by hand against the raw file, not by this code).
 */
class VotemanagerRealFilesTest {

    private final VotemanagerCsvReader reader = new VotemanagerCsvReader();

    private ResultFile read(String relative) throws Exception {
        return reader.read(Fixtures.file(relative));
    }

    @Test
    void goettingen2025() throws Exception {
        ResultFile f = read("goettingen-btw-wahlbezirke/Open-Data-03159016-Bundestagswahl-Wahlbezirk.csv");
        assertThat(f.layout()).isEqualTo(VotemanagerLayout.FIRST_AND_SECOND);
        assertThat(f.date()).isEqualTo(LocalDate.of(2025, 2, 23));
        assertThat(f.ags()).isEqualTo("03159016");
        assertThat(f.rows()).hasSize(139);
        assertThat(f.postalRows()).hasSize(28).allSatisfy(r -> {
            assertThat(r.name()).contains("BW-");
            // 2025: postal districts have no roll, so their A fields are empty, not 0
            assertThat(r.counts().eligibleNoCard()).isNull();
            assertThat(r.counts().eligible()).isNull();
            assertThat(r.counts().voters()).isEqualTo(r.counts().votersWithCard());
        });
        assertThat(f.rows()).allMatch(ResultRow::complete);
        List<ResultRow> rows = f.rows();
        assertThat(total(rows, r -> r.counts().voters())).isEqualTo(70_227);
        assertThat(total(rows, r -> r.counts().votes(VoteKind.FIRST).invalid())).isEqualTo(485);
        assertThat(total(rows, r -> r.counts().votes(VoteKind.FIRST).valid())).isEqualTo(69_742);
        assertThat(total(rows, r -> r.counts().votes(VoteKind.SECOND).invalid())).isEqualTo(288);
        assertThat(total(rows, r -> r.counts().votes(VoteKind.SECOND).valid())).isEqualTo(69_939);
        ResultRow first = rows.getFirst();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.unitKey()).isEqualTo("101");
        assertThat(first.name()).isEqualTo("101 Lohberg (1)");
        // raw line 2: ...;111;86;85;73;... = D1;F1;D2;F2, and D7 empty (no direct candidate), F7 = 4
        assertThat(first.counts().votes(VoteKind.FIRST).votesFor(1)).isEqualTo(111);
        assertThat(first.counts().votes(VoteKind.SECOND).votesFor(1)).isEqualTo(86);
        assertThat(first.counts().votes(VoteKind.FIRST).votesFor(2)).isEqualTo(85);
        assertThat(first.counts().votes(VoteKind.FIRST).perNomination()).containsEntry(7, null).hasSize(23);
        assertThat(first.counts().votes(VoteKind.SECOND).votesFor(7)).isEqualTo(4);
        // positions 17–23 are unused in 2025
        for (int p = 17; p <= 23; p++) {
            int pos = p;
            assertThat(rows).allMatch(r -> r.counts().votes(VoteKind.SECOND).votesFor(pos) == null);
        }
        // party votes add up to the valid votes in every row (independent of the reader: B = C + D etc.)
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.counts().votes(VoteKind.FIRST).sumOfNominations()).isEqualTo(r.counts().votes(VoteKind.FIRST).valid());
            assertThat(r.counts().votes(VoteKind.SECOND).sumOfNominations()).isEqualTo(r.counts().votes(VoteKind.SECOND).valid());
        });
    }

    @Test
    void goettingen2021() throws Exception {
        ResultFile f = read("goettingen-btw-wahlbezirke/Open-Data-Bundestagswahl2496.csv");
        assertThat(f.rows()).hasSize(165);
        assertThat(f.postalRows()).hasSize(54).allSatisfy(r -> {
            assertThat(r.counts().eligible()).isZero(); // 2021 writes 0, not empty
            assertThat(r.counts().eligibleNoCard()).isZero();
            assertThat(r.counts().voters()).isEqualTo(r.counts().votersWithCard());
        });
        assertThat(total(f.rows(), r -> r.counts().voters())).isEqualTo(64_536);
        assertThat(f.rows()).allSatisfy(r -> {
            var c = r.counts();
            assertThat(c.votes(VoteKind.FIRST).invalid() + c.votes(VoteKind.FIRST).valid()).isEqualTo(c.voters());
            assertThat(c.votes(VoteKind.SECOND).invalid() + c.votes(VoteKind.SECOND).valid()).isEqualTo(c.voters());
        });
        assertThat(f.rows().getFirst().counts().votes(VoteKind.SECOND).perNomination()).hasSize(21);
    }

    @Test
    void vaterstettenBundestag2021TotalEqualsDistricts() throws Exception {
        ResultFile total = read("vaterstetten-btw2021-okvote/Open-Data-Bundestagswahl1573.csv");
        ResultFile districts = read("vaterstetten-btw2021-okvote/Open-Data-Bundestagswahl1576.csv");
        assertThat(total.rows()).hasSize(1);
        assertThat(total.rows().getFirst().unitKey()).isNull();
        assertThat(total.rows().getFirst().expectedReports()).isEqualTo(27);
        assertThat(districts.rows()).hasSize(27);
        assertThat(districts.postalRows()).extracting(ResultRow::unitKey)
                .containsExactly("0031", "0032", "0033", "0034", "0035", "0036", "0037", "0038", "0039", "0040",
                        "0041", "0042", "0043");
        assertSumsEqual(total, districts);
    }

    @Test
    void vaterstettenMunicipalCouncil2020() throws Exception {
        ResultFile total = read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Gemeinderatswahl-Bayern1163.csv");
        ResultFile districts = read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Gemeinderatswahl-Bayern1166.csv");
        assertThat(total.layout()).isEqualTo(VotemanagerLayout.CUMULATIVE);
        assertThat(districts.rows()).hasSize(38);
        ResultRow t = total.rows().getFirst();
        assertThat(t.unitKey()).isEqualTo("0");
        assertThat(t.counts().votes(VoteKind.CUMULATIVE).valid()).isEqualTo(339_156);
        assertThat(t.counts().votes(VoteKind.CUMULATIVE).invalid()).isEqualTo(173);
        assertThat(t.cumulative().ballotsCast()).isEqualTo(12_011);
        assertThat(t.counts().votes(VoteKind.CUMULATIVE).perNomination().keySet()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(candidatesPerList(t)).containsExactly(Map.entry(1, 30L), Map.entry(2, 30L), Map.entry(3, 30L),
                Map.entry(4, 23L), Map.entry(5, 30L), Map.entry(6, 30L));
        assertSumsEqual(total, districts);
        // 1st row of 1166: D1_unveraendert 51, D1_veraendert 64, D1 4120, D1_1 312
        ResultRow d1 = districts.rows().getFirst();
        assertThat(d1.cumulative().unchangedBallots()).containsEntry(1, 51L);
        assertThat(d1.cumulative().changedBallots()).containsEntry(1, 64L);
        assertThat(d1.counts().votes(VoteKind.CUMULATIVE).votesFor(1)).isEqualTo(4120);
        assertThat(d1.cumulative().votesFor(1, 1)).isEqualTo(312);
    }

    @Test
    void vaterstettenCountyCouncilAndCountyHead2020() throws Exception {
        assertSumsEqual(read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Kreistagswahl-Bayern1153.csv"),
                read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Kreistagswahl-Bayern1156.csv"));
        ResultFile landrat = read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Landratswahl-Bayern1143.csv");
        assertThat(landrat.layout()).isEqualTo(VotemanagerLayout.SINGLE_VOTE);
        // numbering has gaps: D1;D2;D5;D7;D9
        assertThat(landrat.rows().getFirst().counts().votes(VoteKind.CANDIDATE).perNomination())
                .containsExactly(Map.entry(1, 8268L), Map.entry(2, 2535L), Map.entry(5, 611L), Map.entry(7, 381L),
                        Map.entry(9, 159L));
        assertSumsEqual(landrat, read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Landratswahl-Bayern1146.csv"));
    }

    @Test
    void vaterstettenMayor2020EmptyAsPublished() throws Exception {
        ResultFile total = read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeisterwahl-Bayern1173.csv");
        ResultFile districts = read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeisterwahl-Bayern1176.csv");
        assertThat(districts.rows()).hasSize(38);
        // all vote fields are empty in the published file: they stay null, never 0
        for (ResultRow r : List.of(total.rows().getFirst(), districts.rows().get(5))) {
            assertThat(r.counts().voters()).isNull();
            assertThat(r.counts().votes(VoteKind.CANDIDATE).valid()).isNull();
            assertThat(r.counts().votes(VoteKind.CANDIDATE).perNomination()).containsKeys(1, 2, 3, 5, 6)
                    .allSatisfy((k, v) -> assertThat(v).isNull());
            assertThat(r.postal()).isFalse();
        }
    }

    @Test
    void vaterstettenMayorRunoff2020ByPostOnly() throws Exception {
        ResultFile total = read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeister-Stichwahl-Bayern1393.csv");
        ResultFile districts = read("vaterstetten-kommunalwahl2020-okvote/Open-Data-Buergermeister-Stichwahl-Bayern1396.csv");
        assertThat(districts.rows()).hasSize(9);
        ResultRow pseudo = districts.rows().getFirst();
        assertThat(pseudo.name()).isEqualTo("Stimmberechtigte");
        assertThat(pseudo.counts().eligible()).isEqualTo(18_846);
        assertThat(pseudo.postal()).isFalse();
        assertThat(districts.postalRows()).hasSize(8);
        assertSumsEqual(total, districts);
    }

    @Test
    void karlstadtCityCouncil2020() throws Exception {
        ResultFile total = read("karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1103.csv");
        ResultFile districts = read("karlstadt-stadtrat2020-okvote/Open-Data-Gemeinderatswahl-Bayern1106.csv");
        assertThat(districts.rows()).hasSize(23);
        assertThat(districts.postalRows()).hasSize(11).allMatch(r -> r.name().contains("Briefwahl"));
        assertThat(districts.rows().get(11).name()).isEqualTo("012 Karlstadt-Wiesenfeld");
        ResultRow t = total.rows().getFirst();
        assertThat(t.counts().eligible()).isEqualTo(11_706);
        assertThat(t.counts().votes(VoteKind.CUMULATIVE).valid()).isEqualTo(179_252);
        assertThat(t.counts().votes(VoteKind.CUMULATIVE).invalid()).isEqualTo(217);
        assertThat(t.cumulative().ballotsCast()).isEqualTo(8_428);
        assertThat(t.counts().votes(VoteKind.CUMULATIVE).perNomination()).containsExactly(
                Map.entry(1, 61_299L), Map.entry(2, 38_907L), Map.entry(5, 31_600L), Map.entry(6, 1_445L),
                Map.entry(7, 39_767L), Map.entry(8, 6_234L));
        assertThat(candidatesPerList(t)).containsExactly(Map.entry(1, 24L), Map.entry(2, 24L), Map.entry(5, 20L),
                Map.entry(6, 4L), Map.entry(7, 24L), Map.entry(8, 14L));
        assertSumsEqual(total, districts);
    }

    @Test
    void ebersbergReferendum2021() throws Exception {
        ResultFile total = read("ebersberg-buergerentscheid2021-okvote/Open-Data-Kreis-Buergerentscheid-Bayern1481.csv");
        ResultFile municipalities = read("ebersberg-buergerentscheid2021-okvote/Open-Data-Kreis-Buergerentscheid-Bayern1483.csv");
        assertThat(total.layout()).isEqualTo(VotemanagerLayout.REFERENDUM);
        ResultRow t = total.rows().getFirst();
        assertThat(t.counts().eligible()).isEqualTo(110_568);
        assertThat(t.counts().voters()).isEqualTo(68_437);
        assertThat(t.counts().votes(VoteKind.YES_NO).valid()).isEqualTo(68_229);
        assertThat(t.counts().votes(VoteKind.YES_NO).invalid()).isEqualTo(208);
        assertThat(t.counts().votes(VoteKind.YES_NO).perNomination())
                .containsExactly(Map.entry(1, 35_982L), Map.entry(2, 32_247L));
        assertThat(municipalities.rows()).hasSize(21).noneMatch(ResultRow::postal);
        assertThat(municipalities.ags()).isNull(); // one row per municipality
        assertThat(municipalities.rows().getFirst().ags()).isEqualTo("09175111");
        assertSumsEqual(total, municipalities);
    }

    /** SOURCE.md: the total file's row equals the column sums of the district file, for every number. */
    private static void assertSumsEqual(ResultFile total, ResultFile parts) {
        assertThat(total.rows()).hasSize(1);
        Map<String, Long> expected = Flatten.zeroForNull(Flatten.of(total.rows().getFirst()));
        assertThat(Flatten.sum(parts.rows())).isEqualTo(expected);
    }

    private static Map<Integer, Long> candidatesPerList(ResultRow r) {
        Map<Integer, Long> m = new java.util.TreeMap<>();
        r.cumulative().candidateVotes().keySet().forEach(ref -> m.merge(ref.listPosition(), 1L, Long::sum));
        return m;
    }
}
