package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.Ballot;
import de.wahlwerk.core.tally.TallyStructure;
import de.wahlwerk.core.tally.UnitSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An area's open-data total is summed from its sub-areas' totals and its own units. These areas
 * have both at once (the state holds a postal district of its own beside two counties, one county
 * a town below it), in two hierarchies, so that a sum that missed either part, counted a unit
 * twice or kept a stale sub-area total would differ from the plain column sum the test computes;
 * and the NIST report, whose election-wide contest walks the areas of both hierarchies, must still
 * count each unit once.
 */
class OpenDataRowsTest {

    private static final Hierarchy ADMIN = new Hierarchy("admin");
    private static final Hierarchy WK = new Hierarchy("wk");

    private final Map<String, Map<String, Long>> values = new HashMap<>();
    private final OpenDataRows rows = rows();

    @Test
    void anAreaTotalIsTheColumnSumOfEveryUnitBelowIt() {
        report("u1", 100, 60, 1, 59, 30, 29);
        report("u2", 200, 120, 2, 118, 60, 58);
        report("u3", 300, 150, 0, 150, 100, 50);
        report("u4", 50, 40, 4, 36, 6, 30);

        assertTotal("admin", "09", "u1", "u2", "u3", "u4", "u5");
        assertTotal("admin", "092", "u3", "u4");
        assertTotal("admin", "09201", "u4");
        assertTotal("wk", "W2", "u2", "u4", "u5");
        ResultRow state = rows.areaRow(ref("admin", "09"));
        assertThat(state.expectedReports()).isEqualTo(5);
        assertThat(state.receivedReports()).isEqualTo(4);
        // No unit has a number for added voters (A3): the total's cell stays empty, not 0.
        assertThat(state.counts().eligibleAdded()).isNull();
    }

    @Test
    void aCorrectionChangesEveryTotalAboveItAndKeepsTheOthers() {
        report("u1", 100, 60, 1, 59, 30, 29);
        report("u3", 300, 150, 0, 150, 100, 50);
        report("u4", 50, 40, 4, 36, 6, 30);
        report("u5", 80, 80, 0, 80, 40, 40);
        ResultRow countyBefore = rows.areaRow(ref("admin", "091"));
        assertTotal("admin", "09", "u1", "u2", "u3", "u4", "u5");

        Set<AreaRef> above = report("u4", 50, 40, 4, 36, 16, 20);

        assertThat(above).containsExactlyInAnyOrder(ref("admin", "09201"), ref("admin", "092"), ref("admin", "09"),
                ref("wk", "W2"));
        assertTotal("admin", "09", "u1", "u2", "u3", "u4", "u5");
        assertTotal("admin", "092", "u3", "u4");
        assertTotal("wk", "W2", "u2", "u4", "u5");
        assertThat(rows.areaRow(ref("admin", "09")).counts().votes().get(VoteKind.SECOND).perNomination())
                .containsEntry(1, 30L + 100 + 16 + 40).containsEntry(2, 29L + 50 + 20 + 40);
        // The county the correction is not in keeps its total.
        assertThat(rows.areaRow(ref("admin", "091"))).isSameAs(countyBefore);
    }

    @Test
    void theNistReportCountsEachUnitOnceThoughItLiesInAnAreaOfEachHierarchy() {
        report("u1", 100, 60, 1, 59, 30, 29);
        report("u4", 50, 40, 4, 36, 6, 30);
        report("u5", 80, 80, 0, 80, 40, 40);

        var tally = de.wahlwerk.core.tally.Tally.empty(rows.input().structure());
        JsonNode report = JSON.valueToTree(NistReport.of(rows, tally, java.time.OffsetDateTime.parse("2025-02-23T20:00:00+01:00")));

        JsonNode second = null;
        for (JsonNode c : report.get("Election").get(0).get("Contest")) {
            if (c.get("Name").asString().equals("Zweitstimmen")) {
                second = c;
            }
        }
        assertThat(second).isNotNull();
        for (JsonNode selection : second.get("ContestSelection")) {
            List<String> counted = new ArrayList<>();
            selection.get("VoteCounts").forEach(v -> counted.add(v.get("GpUnitId").asString()));
            // Reported units only, each once (not again for its constituency), in the order the
            // areas are walked: the state's own postal district first.
            assertThat(counted).containsExactly("unit-u5", "unit-u1", "unit-u4");
        }
        JsonNode listA = second.get("ContestSelection").get(0);
        assertThat(listA.get("VoteCounts").get(2).get("Count").asLong()).isEqualTo(6);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private void assertTotal(String hierarchy, String key, String... units) {
        List<Counts> below = new ArrayList<>();
        for (String u : units) {
            below.add(rows.unitRows().get(u).counts());
        }
        assertThat(rows.areaRow(ref(hierarchy, key)).counts()).as(hierarchy + "/" + key)
                .isEqualTo(OpenDataRows.sum(below));
    }

    /**
     * Reports (or corrects) the unit's numbers: eligible, voters, invalid and valid second votes,
     * and the second votes of the two lists; the areas whose totals changed.
     */
    private Set<AreaRef> report(String unit, long eligible, long voters, long invalid, long valid, long list1, long list2) {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("A1", eligible);
        v.put("A", eligible);
        v.put("B", voters);
        v.put("E", invalid);
        v.put("F", valid);
        v.put("F1", list1);
        v.put("F2", list2);
        values.put(unit, v);
        return rows.update(unit, v, Instant.EPOCH);
    }

    private static AreaRef ref(String hierarchy, String key) {
        return new AreaRef(new Hierarchy(hierarchy), key);
    }

    private OpenDataRows rows() {
        // admin: state 09 with counties 091 (u1, u2) and 092 (u3; town 09201 with u4) and its own postal district u5.
        // wk: constituencies W1 (u1, u3) and W2 (u2, u4, u5).
        List<Area> areas = List.of(
                new Area(1, 1, "admin", AreaLevel.STATE, "09", "Land", null),
                new Area(2, 1, "admin", AreaLevel.COUNTY, "091", "Kreis Eins", 1L),
                new Area(3, 1, "admin", AreaLevel.COUNTY, "092", "Kreis Zwei", 1L),
                new Area(4, 1, "admin", AreaLevel.MUNICIPALITY, "09201", "Stadt", 3L),
                new Area(5, 1, "wk", AreaLevel.CONSTITUENCY, "W1", "Wahlkreis 1", null),
                new Area(6, 1, "wk", AreaLevel.CONSTITUENCY, "W2", "Wahlkreis 2", null));
        List<AreaSpec> specs = List.of(
                new AreaSpec(ref("admin", "09"), AreaLevel.STATE, null),
                new AreaSpec(ref("admin", "091"), AreaLevel.COUNTY, ref("admin", "09")),
                new AreaSpec(ref("admin", "092"), AreaLevel.COUNTY, ref("admin", "09")),
                new AreaSpec(ref("admin", "09201"), AreaLevel.MUNICIPALITY, ref("admin", "092")),
                new AreaSpec(ref("wk", "W1"), AreaLevel.CONSTITUENCY, null),
                new AreaSpec(ref("wk", "W2"), AreaLevel.CONSTITUENCY, null));
        Map<String, String[]> leaves = new LinkedHashMap<>();
        leaves.put("u1", new String[] {"091", "W1"});
        leaves.put("u2", new String[] {"091", "W2"});
        leaves.put("u3", new String[] {"092", "W1"});
        leaves.put("u4", new String[] {"09201", "W2"});
        leaves.put("u5", new String[] {"09", "W2"});
        List<UnitSpec> unitSpecs = new ArrayList<>();
        List<ReportingUnit> units = new ArrayList<>();
        long id = 1;
        for (var e : leaves.entrySet()) {
            UnitKind kind = e.getKey().equals("u5") ? UnitKind.POSTAL : UnitKind.POLLING;
            unitSpecs.add(new UnitSpec(e.getKey(), kind, Map.of(ADMIN, e.getValue()[0], WK, e.getValue()[1]), "b", null));
            units.add(new ReportingUnit(id++, 1, kind, e.getKey(), "Bezirk " + e.getKey(), null, null));
        }
        Ballot ballot = new Ballot("b", Map.of(VoteKind.FIRST, Map.of(1, "A", 2, "B"), VoteKind.SECOND, Map.of(1, "A", 2, "B")));
        TallyStructure structure = TallyStructure.of(specs, List.of(ballot), unitSpecs);
        List<Nomination> nominations = new ArrayList<>();
        for (VoteKind k : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
            nominations.add(new Nomination(nominations.size() + 1, 1, k, null, 1, "A", "Partei A", GroupKind.PARTY));
            nominations.add(new Nomination(nominations.size() + 1, 1, k, null, 2, "B", "Partei B", GroupKind.PARTY));
        }
        Election election = new Election(1, 1, ElectionKind.BUNDESTAG, "Bundestagswahl", 630, null, null, "wk");
        ElectionDay day = new ElectionDay(1, "Wahltag", LocalDate.of(2025, 2, 23), LocalTime.of(18, 0));
        return new OpenDataRows(new OpenDataRows.Input(election, day, structure, units, areas, nominations, Map.of(),
                values, new HashMap<>()));
    }
}
