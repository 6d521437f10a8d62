package de.wahlwerk.core.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A town in two constituencies: admin town → districts N and S; bundestag constituencies 1 and
 * 2 (with different ballots: first-vote position 1 is a different party's candidate).
 */
class TallyTest {

    static final Hierarchy ADMIN = Hierarchy.ADMINISTRATIVE;
    static final Hierarchy BT = Hierarchy.BUNDESTAG;
    static final AreaRef TOWN = new AreaRef(ADMIN, "town");
    static final AreaRef NORTH = new AreaRef(ADMIN, "N");
    static final AreaRef SOUTH = new AreaRef(ADMIN, "S");
    static final AreaRef LAND = new AreaRef(BT, "land");
    static final AreaRef C1 = new AreaRef(BT, "1");
    static final AreaRef C2 = new AreaRef(BT, "2");

    static TallyStructure structure() {
        return TallyStructure.of(areas(), ballots(), units());
    }

    static List<AreaSpec> areas() {
        return List.of(
                new AreaSpec(TOWN, AreaLevel.MUNICIPALITY, null),
                new AreaSpec(NORTH, AreaLevel.CITY_DISTRICT, TOWN),
                new AreaSpec(SOUTH, AreaLevel.CITY_DISTRICT, TOWN),
                new AreaSpec(LAND, AreaLevel.STATE, null),
                new AreaSpec(C1, AreaLevel.CONSTITUENCY, LAND),
                new AreaSpec(C2, AreaLevel.CONSTITUENCY, LAND));
    }

    static List<Ballot> ballots() {
        return List.of(
                new Ballot("b1", Map.of(VoteKind.FIRST, Map.of(1, "CDU", 2, "SPD"),
                        VoteKind.SECOND, Map.of(1, "CDU", 2, "SPD", 3, "GRUENE"))),
                new Ballot("b2", Map.of(VoteKind.FIRST, Map.of(1, "SPD", 2, "CDU"),
                        VoteKind.SECOND, Map.of(1, "CDU", 2, "SPD", 3, "GRUENE"))));
    }

    static List<UnitSpec> units() {
        return List.of(
                unit("101", UnitKind.POLLING, "N", "1", "b1", null),
                unit("102", UnitKind.POLLING, "N", "1", "b1", null),
                unit("103", UnitKind.POLLING, "N", "1", "b1", "102"),
                unit("201", UnitKind.POLLING, "S", "2", "b2", null),
                unit("901", UnitKind.POSTAL, "S", "2", "b2", null));
    }

    static UnitSpec unit(String key, UnitKind kind, String admin, String bt, String ballot, String with) {
        return new UnitSpec(key, kind, Map.of(ADMIN, admin, BT, bt), ballot, with);
    }

    static Counts counts(Long eligible, long voters, long[] first, long[] second) {
        return new Counts(null, null, null, eligible, voters, null, Map.of(
                VoteKind.FIRST, votes(first), VoteKind.SECOND, votes(second)));
    }

    static VoteCounts votes(long[] perPosition) {
        Map<Integer, Long> m = new java.util.HashMap<>();
        long valid = 0;
        for (int i = 0; i < perPosition.length; i++) {
            m.put(i + 1, perPosition[i]);
            valid += perPosition[i];
        }
        return new VoteCounts(0L, valid, m);
    }

    static TallyEvent.ReportConfirmed report(long seq, String unit, Long eligible, long voters, long[] first, long[] second) {
        return new TallyEvent.ReportConfirmed(seq, unit, counts(eligible, voters, first, second));
    }

    @Test
    void sumsIntoEveryAncestorOfEveryHierarchyByGroupNotPosition() {
        Tally t = Tally.empty(structure());
        t.apply(report(1, "101", 100L, 50, new long[] {30, 20}, new long[] {25, 15, 10}));
        var outcome = t.apply(report(2, "201", 200L, 100, new long[] {70, 30}, new long[] {20, 60, 20}));

        assertThat(outcome).isEqualTo(new ApplyOutcome.Applied(2, List.of(SOUTH, TOWN, C2, LAND)));
        PartTotals town = t.snapshot(TOWN).all();
        assertThat(town.eligible()).isEqualTo(300);
        assertThat(town.voters()).isEqualTo(150);
        // Position 1 of the first vote is CDU in constituency 1 but SPD in constituency 2.
        assertThat(town.votes(VoteKind.FIRST)).containsEntry("CDU", 60L).containsEntry("SPD", 90L);
        assertThat(t.snapshot(LAND).all().votes(VoteKind.FIRST)).isEqualTo(town.votes(VoteKind.FIRST));
        assertThat(town.share(VoteKind.SECOND, "SPD")).contains(Rational.of(75, 150));
        assertThat(town.turnout()).contains(Rational.of(1, 2));
        assertThat(t.snapshot(NORTH).unitsReported()).isEqualTo(1);
        assertThat(t.snapshot(NORTH).unitsExpected()).isEqualTo(3);
        assertThat(t.snapshot(C1).leader(VoteKind.FIRST)).isEqualTo(new Leader.Single("CDU", 30));
    }

    @Test
    void postalAndPollingPartsApartAndTogether() {
        Tally t = Tally.empty(structure());
        t.apply(report(1, "201", 200L, 100, new long[] {70, 30}, new long[] {20, 60, 20}));
        t.apply(report(2, "901", null, 40, new long[] {10, 30}, new long[] {30, 5, 5}));
        AreaSnapshot s = t.snapshot(C2);
        assertThat(s.part(Part.POSTAL).voters()).isEqualTo(40);
        assertThat(s.part(Part.POSTAL).eligible()).isZero();
        assertThat(s.part(Part.POLLING).votes(VoteKind.SECOND, "CDU")).isEqualTo(20);
        assertThat(s.all().votes(VoteKind.SECOND, "CDU")).isEqualTo(50);
        assertThat(s.part(Part.POSTAL).unitsExpected()).isEqualTo(1);
        assertThat(s.complete()).isTrue();
        assertThat(t.constituencyLeaders(VoteKind.FIRST).get(C2))
                .isEqualTo(new ConstituencyLeader(C2, new Leader.Single("SPD", 80), true));
    }

    @Test
    void anElectionStillWithoutDistrictsHasNoConstituencyLeadersYet() {
        // Set up area by area: the constituencies exist before any district (and so any ballot) does.
        TallyStructure empty = TallyStructure.of(structure().areas(), List.of(), List.of());
        assertThat(Tally.empty(empty).constituencyLeaders(VoteKind.FIRST)).isEmpty();
    }

    @Test
    void anElectionStillWithoutDistrictsHasEachOfItsVotesWithNoGroupsYet() {
        TallyStructure empty = TallyStructure.of(List.of(VoteKind.SECOND, VoteKind.FIRST), structure().areas(), List.of(), List.of());
        assertThat(empty.voteKinds()).containsExactly(VoteKind.FIRST, VoteKind.SECOND);
        PartTotals town = Tally.empty(empty).snapshot(TOWN).all();
        assertThat(town.votes(VoteKind.FIRST)).isEmpty();
        assertThat(town.votes(VoteKind.SECOND)).isEmpty();
        assertThatThrownBy(() -> town.votes(VoteKind.CANDIDATE)).hasMessageContaining("no CANDIDATE vote");
        // A ballot of the election adds its groups under the same votes.
        TallyStructure full = TallyStructure.of(List.of(VoteKind.FIRST, VoteKind.SECOND), areas(), ballots(), units());
        assertThat(full.voteKinds()).containsExactly(VoteKind.FIRST, VoteKind.SECOND);
        assertThat(full.groups()).isEqualTo(structure().groups());
    }

    @Test
    void neighbourCountsAsReportedWithItsHostAndIsNeverCountedTwice() {
        Tally t = Tally.empty(structure());
        assertThatThrownBy(() -> t.apply(report(1, "103", 10L, 5, new long[] {5, 0}, new long[] {5, 0, 0})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counted with 102");
        assertThat(t.sequence()).isZero();
        // The joint report of 102 covers the rolls of 102 and 103 (A of both summed on the form).
        t.apply(report(1, "102", 90L, 60, new long[] {30, 30}, new long[] {20, 20, 20}));
        assertThat(t.reported("103")).isTrue();
        assertThat(t.snapshot(NORTH).unitsReported()).isEqualTo(2);
        assertThat(t.snapshot(NORTH).all().eligible()).isEqualTo(90);
        t.apply(report(2, "101", 100L, 50, new long[] {30, 20}, new long[] {25, 15, 10}));
        assertThat(t.snapshot(NORTH).complete()).isTrue();
    }

    @Test
    void duplicatesAreIgnoredAndGapsReported() {
        Tally t = Tally.empty(structure());
        var r1 = report(1, "101", 100L, 50, new long[] {30, 20}, new long[] {25, 15, 10});
        t.apply(r1);
        AreaSnapshot before = t.snapshot(TOWN);
        assertThat(t.apply(r1)).isEqualTo(new ApplyOutcome.Duplicate(1));
        assertThat(t.apply(report(4, "201", 1L, 1, new long[] {1, 0}, new long[] {1, 0, 0})))
                .isEqualTo(new ApplyOutcome.Gap(2, 3));
        assertThat(t.snapshot(TOWN)).isSameAs(before);
        assertThat(t.apply(new TallyEvent.NoChange(2))).isEqualTo(new ApplyOutcome.Applied(2, List.of()));
        assertThat(t.sequence()).isEqualTo(2);
    }

    @Test
    void correctionReplacesAndWithdrawalRemoves() {
        Tally t = Tally.empty(structure());
        t.apply(report(1, "101", 100L, 50, new long[] {30, 20}, new long[] {25, 15, 10}));
        t.apply(report(2, "101", 100L, 50, new long[] {20, 30}, new long[] {25, 15, 10}));
        assertThat(t.snapshot(C1).all().votes(VoteKind.FIRST)).containsEntry("CDU", 20L).containsEntry("SPD", 30L);
        assertThat(t.snapshot(C1).unitsReported()).isEqualTo(1);
        t.apply(new TallyEvent.ReportWithdrawn(3, "101"));
        assertThat(t.snapshot(C1)).isEqualTo(Tally.empty(structure()).snapshot(C1));
    }

    @Test
    void tieIsReportedAsTie() {
        Tally t = Tally.empty(structure());
        t.apply(report(1, "101", 100L, 50, new long[] {25, 25}, new long[] {25, 15, 10}));
        assertThat(t.snapshot(C1).leader(VoteKind.FIRST)).isEqualTo(new Leader.Tie(List.of("CDU", "SPD"), 25));
        assertThat(t.snapshot(C2).leader(VoteKind.FIRST)).isEqualTo(new Leader.None());
    }

    @Test
    void votesTheBallotCannotPlaceAreRejectedWithoutChangingAnything() {
        Tally t = Tally.empty(structure());
        assertThatThrownBy(() -> t.apply(report(1, "101", 100L, 50, new long[] {30, 20, 5}, new long[] {25, 15, 10})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ballot position 3");
        assertThat(t.sequence()).isZero();
        assertThat(t.snapshots()).isEqualTo(Tally.empty(structure()).snapshots());
    }

    @Test
    void structureRejectsNeighbourInOtherArea() {
        assertThatThrownBy(() -> TallyStructure.of(structure().areas(), List.of(
                new Ballot("b1", Map.of(VoteKind.SECOND, Map.of(1, "CDU")))), List.of(
                unit("1", UnitKind.POLLING, "N", "1", "b1", null),
                unit("2", UnitKind.POLLING, "S", "1", "b1", "1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differs");
    }

    @Test
    void anAreaHasSlotsExactlyForTheGroupsStandingBelowIt() {
        AreaRef federation = new AreaRef(BT, "DE");
        AreaRef land1 = new AreaRef(BT, "L1");
        AreaRef land2 = new AreaRef(BT, "L2");
        AreaRef empty = new AreaRef(BT, "L3");
        AreaRef wk1 = new AreaRef(BT, "W1");
        AreaRef wk2 = new AreaRef(BT, "W2");
        AreaRef wk3 = new AreaRef(BT, "W3");
        List<AreaSpec> areas = List.of(
                new AreaSpec(federation, AreaLevel.FEDERATION, null),
                new AreaSpec(land1, AreaLevel.STATE, federation),
                new AreaSpec(land2, AreaLevel.STATE, federation),
                new AreaSpec(empty, AreaLevel.STATE, federation),
                new AreaSpec(wk1, AreaLevel.CONSTITUENCY, land1),
                new AreaSpec(wk2, AreaLevel.CONSTITUENCY, land1),
                new AreaSpec(wk3, AreaLevel.CONSTITUENCY, land2));
        // Independents have keys of their own; a regional list stands in one state only.
        List<Ballot> ballots = List.of(
                new Ballot("w1", Map.of(VoteKind.FIRST, Map.of(1, "CDU", 2, "EB-W1-Meier"),
                        VoteKind.SECOND, Map.of(1, "CDU", 2, "SPD"))),
                new Ballot("w2", Map.of(VoteKind.FIRST, Map.of(1, "SPD", 2, "EB-W2-Roth"),
                        VoteKind.SECOND, Map.of(1, "CDU", 2, "SPD"))),
                new Ballot("w3", Map.of(VoteKind.FIRST, Map.of(1, "SSW"),
                        VoteKind.SECOND, Map.of(1, "SSW", 2, "SPD"))));
        List<UnitSpec> units = List.of(
                new UnitSpec("1", UnitKind.POLLING, Map.of(BT, "W1"), "w1", null),
                new UnitSpec("2", UnitKind.POSTAL, Map.of(BT, "W2"), "w2", null),
                new UnitSpec("3", UnitKind.POLLING, Map.of(BT, "W3"), "w3", null));
        TallyStructure s = TallyStructure.of(areas, ballots, units);
        Tally t = Tally.empty(s);
        t.apply(new TallyEvent.ReportConfirmed(1, "1", new Counts(null, null, null, 100L, 50L, null, Map.of(
                VoteKind.FIRST, votes(new long[] {30, 20}), VoteKind.SECOND, votes(new long[] {40, 10})))));

        assertThat(s.groups()).containsExactly("CDU", "EB-W1-Meier", "EB-W2-Roth", "SPD", "SSW");
        assertThat(t.snapshot(wk1).groups(VoteKind.FIRST)).containsExactly("CDU", "EB-W1-Meier");
        assertThat(t.snapshot(wk1).groups(VoteKind.SECOND)).containsExactly("CDU", "SPD");
        assertThat(t.snapshot(wk2).groups(VoteKind.FIRST)).containsExactly("EB-W2-Roth", "SPD");
        assertThat(t.snapshot(land1).groups(VoteKind.FIRST)).containsExactly("CDU", "EB-W1-Meier", "EB-W2-Roth", "SPD");
        assertThat(t.snapshot(land2).groups(VoteKind.SECOND)).containsExactly("SPD", "SSW");
        assertThat(t.snapshot(federation).groups(VoteKind.FIRST)).isEqualTo(s.groups());
        assertThat(t.snapshot(empty).groups(VoteKind.FIRST)).isEmpty();
        assertThat(s.groups(land2, VoteKind.FIRST)).containsExactly("SSW");

        // The listing is the slots: votes per group show exactly these keys, in every part.
        assertThat(t.snapshot(wk1).all().votes(VoteKind.FIRST))
                .containsExactly(Map.entry("CDU", 30L), Map.entry("EB-W1-Meier", 20L));
        assertThat(t.snapshot(wk2).part(Part.POLLING).votes(VoteKind.FIRST)).containsOnlyKeys("EB-W2-Roth", "SPD");
        assertThat(t.snapshot(federation).all().votes(VoteKind.FIRST))
                .containsExactly(Map.entry("CDU", 30L), Map.entry("EB-W1-Meier", 20L), Map.entry("EB-W2-Roth", 0L),
                        Map.entry("SPD", 0L), Map.entry("SSW", 0L));
        // A group standing elsewhere reads 0 here; a key no ballot has is an error.
        assertThat(t.snapshot(wk1).all().votes(VoteKind.FIRST, "SSW")).isZero();
        assertThat(t.snapshot(wk1).all().share(VoteKind.FIRST, "SSW")).contains(Rational.of(0, 50));
        assertThatThrownBy(() -> t.snapshot(wk1).all().votes(VoteKind.FIRST, "NOPE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown group");
        assertThat(t.snapshot(land1).leader(VoteKind.FIRST)).isEqualTo(new Leader.Single("CDU", 30));
    }
}
