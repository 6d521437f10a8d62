package de.wahlwerk.core.check;

import static de.wahlwerk.core.check.Expect.clean;
import static de.wahlwerk.core.check.Expect.exactly;
import static de.wahlwerk.core.check.Reports.bundestag;
import static de.wahlwerk.core.check.Reports.numbers;
import static de.wahlwerk.core.check.Reports.polling;
import static de.wahlwerk.core.check.Reports.postal;
import static de.wahlwerk.core.check.Reports.postalForm;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.VoteKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each error: a valid report with exactly one thing broken yields exactly that code on that field. */
class ErrorRulesTest {

    @Test
    void baseReportsAreClean() {
        clean(polling(bundestag()));
        clean(postal(postalForm()));
        clean(Reports.council());
        clean(Reports.referendum(10));
    }

    @Test
    void e001MissingField() {
        exactly(polling(bundestag().with(f -> f.b1 = null)), "E001@B1");
        exactly(polling(bundestag().with(f -> f.dn.put(3, null))), "E001@D3");
        exactly(Reports.referendum(10).withQuestions(java.util.List.of(new ReferendumQuestion(1, 300L, null, 10L))),
                "E001@Q1.no");
    }

    @Test
    void e001NominationOnBallotButAbsentFromCounts() {
        exactly(polling(bundestag().with(f -> f.dn.remove(5))), "E001@D5");
    }

    @Test
    void e002Negative() {
        exactly(polling(bundestag().with(f -> f.dn.put(3, -120L))), "E002@D3");
    }

    @Test
    void e003AboveCeiling() {
        exactly(polling(bundestag().with(f -> f.a1 = 200_000L)), "E003@A1");
        exactly(polling(bundestag().with(f -> f.a1 = Long.MAX_VALUE)), "E003@A1");
    }

    @Test
    void e003CeilingIsConfigurable() {
        ReportInput in = polling(bundestag());
        exactly(in.withContext(CheckContext.NONE.withThresholds(Thresholds.DEFAULTS.withCeiling(900))),
                "E003@A");
    }

    @Test
    void hugeCouncilNumbersGiveE003NotOverflow() {
        ReportInput in = Reports.council(100L, 4L, Long.MAX_VALUE, numbers(Long.MAX_VALUE, Long.MAX_VALUE),
                Reports.councilDetail(Long.MAX_VALUE, 70), new CumulativeParameters(1_000, 3, 5));
        assertThat(Expect.found(in)).containsExactly("E003@D", "E003@D1", "E003@D2", "E003@D1_1");
    }

    @Test
    void e004EligibleSum() {
        exactly(polling(bundestag().with(f -> f.a = 953L)), "E004@A");
    }

    @Test
    void e005InvalidPlusValidIsVoters() {
        exactly(polling(bundestag().with(f -> f.c = 7L)), "E005@D");
        exactly(polling(bundestag().with(f -> f.e = 5L)), "E005@F");
    }

    @Test
    void e006NominationsAddUpToValid() {
        exactly(polling(bundestag().with(f -> f.dn.put(2, 151L))), "E006@D");
        exactly(polling(bundestag().with(f -> f.fn.put(6, 25L))), "E006@F");
    }

    @Test
    void e007VotersWithoutCardWithinA1() {
        exactly(polling(bundestag().with(f -> {
            f.a1 = 500L;
            f.a = 652L;
        })), "E007@B");
    }

    @Test
    void b1AboveA2IsNoError() {
        // card holders from other districts may vote here (§ 14 Abs. 3 BWahlG): a warning at most
        assertThat(PlausibilityCheck.check(polling(bundestag().with(f -> f.b1 = 200L))).hasErrors()).isFalse();
    }

    @Test
    void e008CardVotersWithinVoters() {
        exactly(polling(bundestag().with(f -> f.b1 = 601L)), "E008@B1");
    }

    @Test
    void e009PostalHasNoRoll() {
        exactly(postal(postalForm().with(f -> f.a = 10L)), "E009@A");
        clean(postal(postalForm().with(f -> {
            f.a1 = 0L;
            f.a2 = 0L;
            f.a3 = 0L;
            f.a = 0L;
        })));
    }

    @Test
    void e010PostalAllWithCard() {
        exactly(postal(postalForm().with(f -> f.b1 = 299L)), "E010@B1");
    }

    @Test
    void e011NotOnBallot() {
        exactly(polling(bundestag().with(f -> f.dn.put(7, 0L))), "E011@D7");
    }

    @Test
    void e012InvalidBallotsWithinBallots() {
        exactly(Reports.council(100L, 101L, 380L, numbers(220, 160), Reports.councilDetail(100, 70),
                new CumulativeParameters(5, 3, 5)), "E012@C");
    }

    @Test
    void e013AtMostNVotesPerBallot() {
        exactly(Reports.council(100L, 4L, 380L, numbers(220, 160), Reports.councilDetail(100, 70),
                new CumulativeParameters(3, 3, 3)), "E013@D");
    }

    @Test
    void e014AtLeastOneVotePerValidBallot() {
        exactly(Reports.council(500L, 4L, 380L, numbers(220, 160), Reports.councilDetail(100, 70),
                new CumulativeParameters(5, 3, 5)), "E014@D");
    }

    @Test
    void e015CandidateCap() {
        exactly(Reports.council(100L, 4L, 380L, numbers(220, 160), Reports.councilDetail(100, 70),
                new CumulativeParameters(5, 1, 5)), "E015@D1_1");
    }

    @Test
    void e016ListIsSumOfCandidates() {
        exactly(Reports.council(100L, 4L, 380L, numbers(220, 160), Reports.councilDetail(100, 71),
                new CumulativeParameters(5, 3, 5)), "E016@D2");
    }

    @Test
    void e016ListOnlyVotesCount() {
        Map<Integer, CumulativeList> detail = Reports.councilDetail(100, 60);
        detail.put(2, new CumulativeList(10L, numbers(90, 60)));
        clean(Reports.council(100L, 4L, 380L, numbers(220, 160), detail, new CumulativeParameters(5, 3, 5)));
    }

    @Test
    void e017ReferendumAnswersAddUpToVoters() {
        exactly(Reports.referendum(11), "E017@Q1");
    }

    @Test
    void singleVoteElectionUsesCAndD() {
        var counts = new de.wahlwerk.core.model.Counts(800L, 150L, 2L, 952L, 600L, 20L,
                Map.of(VoteKind.CANDIDATE, new de.wahlwerk.core.model.VoteCounts(6L, 593L, numbers(300, 294))));
        ReportInput in = ReportInput.of(de.wahlwerk.core.model.ElectionKind.MAYOR,
                de.wahlwerk.core.model.UnitKind.POLLING, counts).withBallot(Map.of(VoteKind.CANDIDATE, Set.of(1, 2)));
        exactly(in, "E005@D", "E006@D");
    }
}
