package de.wahlwerk.core.pollworkers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.wahlwerk.core.pollworkers.WorkerEligibility.ElectionRoll;
import de.wahlwerk.core.pollworkers.WorkerEligibility.Facts;
import de.wahlwerk.core.pollworkers.WorkerEligibility.Finding;
import de.wahlwerk.core.pollworkers.WorkerEligibility.Nominee;
import de.wahlwerk.core.pollworkers.WorkerEligibility.RollStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollWorkerRulesTest {

    static final LocalDate DAY = LocalDate.of(2025, 2, 23);

    static Facts facts(LocalDate birth, List<ElectionRoll> roll, List<Nominee> nominees, List<String> boards) {
        return new Facts("Müller-Lüdenscheidt", "Jürgen Paul", birth, DAY, roll, nominees, boards);
    }

    static List<Ineligibility> reasons(Facts f) {
        return WorkerEligibility.check(f).stream().map(Finding::reason).toList();
    }

    @Test
    void anAdultOnEveryRollWithoutOtherDutiesIsEligible() {
        Facts f = facts(LocalDate.of(1980, 5, 1), List.of(new ElectionRoll("BTW", RollStatus.ON_ROLL)), List.of(), List.of());
        assertThat(WorkerEligibility.check(f)).isEmpty();
        assertThat(WorkerEligibility.eligible(WorkerEligibility.check(f))).isTrue();
    }

    @Test
    void eighteenOnElectionDayIsEnoughOneDayLessIsNot() {
        List<ElectionRoll> roll = List.of(new ElectionRoll("BTW", RollStatus.ON_ROLL));
        assertThat(reasons(facts(DAY.minusYears(18), roll, List.of(), List.of()))).isEmpty();
        assertThat(reasons(facts(DAY.minusYears(18).plusDays(1), roll, List.of(), List.of())))
                .containsExactly(Ineligibility.UNDER_AGE);
    }

    @Test
    void everyElectionOfTheDayIsCheckedAndAMissingRollOnlyWarns() {
        Facts f = facts(LocalDate.of(1970, 1, 1), List.of(new ElectionRoll("BTW", RollStatus.NOT_ELIGIBLE),
                new ElectionRoll("OB", RollStatus.NOT_FOUND), new ElectionRoll("Rat", RollStatus.NO_ROLL)), List.of(), List.of());
        List<Finding> found = WorkerEligibility.check(f);
        assertThat(found).extracting(Finding::reason)
                .containsExactly(Ineligibility.NOT_ELIGIBLE, Ineligibility.NOT_ON_ROLL, Ineligibility.ROLL_MISSING);
        assertThat(found).extracting(Finding::detail).containsExactly("BTW", "OB", "Rat");
        assertThat(WorkerEligibility.eligible(found)).isFalse();
        Facts onlyMissing = facts(LocalDate.of(1970, 1, 1), List.of(new ElectionRoll("Rat", RollStatus.NO_ROLL)), List.of(), List.of());
        assertThat(WorkerEligibility.eligible(WorkerEligibility.check(onlyMissing))).isTrue();
    }

    @Test
    void candidatesAreRecognisedDespiteAccentsCaseAndSecondNamesButNotWithAnotherBirthYear() {
        List<ElectionRoll> roll = List.of(new ElectionRoll("BTW", RollStatus.ON_ROLL));
        LocalDate birth = LocalDate.of(1975, 3, 3);
        assertThat(reasons(facts(birth, roll, List.of(new Nominee("MUELLER-Lüdenscheidt", "Jürgen", 1975, "BTW")), List.of())))
                .isEmpty(); // ue is not ü: a different spelling is a different name
        assertThat(reasons(facts(birth, roll, List.of(new Nominee("müller lüdenscheidt", "JURGEN", 1975, "BTW")), List.of())))
                .containsExactly(Ineligibility.CANDIDATE);
        assertThat(reasons(facts(birth, roll, List.of(new Nominee("Müller-Lüdenscheidt", "Jürgen", null, "BTW")), List.of())))
                .containsExactly(Ineligibility.CANDIDATE);
        assertThat(reasons(facts(birth, roll, List.of(new Nominee("Müller-Lüdenscheidt", "Jürgen", 1976, "BTW")), List.of())))
                .isEmpty();
    }

    @Test
    void anotherBoardTheSameDayBlocks() {
        Facts f = facts(LocalDate.of(1970, 1, 1), List.of(), List.of(), List.of("0102 Schule"));
        assertThat(WorkerEligibility.check(f)).containsExactly(new Finding(Ineligibility.OTHER_BOARD, "0102 Schule"));
    }

    @Test
    void compositionFollowsTheFederalRangeAndCountsTheSecretaryAsAssessor() {
        BoardComposition c = BoardComposition.FEDERAL_MINIMUM;
        assertThat(c.members()).isEqualTo(5);
        assertThat(c.required()).containsEntry(BoardRole.CHAIR, 1).containsEntry(BoardRole.SECRETARY, 1)
                .containsEntry(BoardRole.ASSESSOR, 2);
        assertThat(c.gaps(List.of(BoardRole.CHAIR, BoardRole.ASSESSOR)))
                .isEqualTo(Map.of(BoardRole.DEPUTY_CHAIR, 1, BoardRole.SECRETARY, 1, BoardRole.ASSESSOR, 1));
        assertThat(c.gaps(List.of(BoardRole.CHAIR, BoardRole.DEPUTY_CHAIR, BoardRole.SECRETARY, BoardRole.ASSESSOR,
                BoardRole.ASSESSOR, BoardRole.ASSESSOR))).isEmpty();
        assertThat(c.hasRoomFor(BoardRole.CHAIR, List.of(BoardRole.CHAIR))).isFalse();
        assertThat(c.hasRoomFor(BoardRole.ASSESSOR, List.of(BoardRole.ASSESSOR, BoardRole.ASSESSOR))).isTrue();
        assertThat(new BoardComposition(7).withinFederalRange()).isTrue();
        assertThat(new BoardComposition(8).withinFederalRange()).isFalse();
        assertThatThrownBy(() -> new BoardComposition(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statusesMoveForwardOnly() {
        assertThat(AssignmentStatus.INVITED.canBecome(AssignmentStatus.CONFIRMED)).isTrue();
        assertThat(AssignmentStatus.CONFIRMED.canBecome(AssignmentStatus.CANCELLED)).isTrue();
        assertThat(AssignmentStatus.DECLINED.canBecome(AssignmentStatus.CONFIRMED)).isFalse();
        assertThat(AssignmentStatus.CANCELLED.active()).isFalse();
    }

    @Test
    void replacementsNearestAndMostExperiencedFirst() {
        Replacements.Target t = new Replacements.Target(10, 100L, "99999");
        var far = new Replacements.Candidate(1, "A", 30L, 300L, "11111", 9);
        var samePostcode = new Replacements.Candidate(2, "B", 31L, 301L, "99999", 0);
        var sameStation = new Replacements.Candidate(3, "C", 11L, 100L, "11111", 0);
        var district = new Replacements.Candidate(4, "D", 10L, 100L, "99999", 0);
        var districtExperienced = new Replacements.Candidate(5, "E", 10L, 100L, "99999", 2);
        assertThat(Replacements.rank(t, List.of(far, samePostcode, sameStation, district, districtExperienced), 10))
                .extracting(Replacements.Candidate::workerId).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(Replacements.rank(t, List.of(far, district), 1)).extracting(Replacements.Candidate::workerId).containsExactly(4L);
    }
}
