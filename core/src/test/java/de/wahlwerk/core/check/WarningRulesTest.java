package de.wahlwerk.core.check;

import static de.wahlwerk.core.check.Expect.clean;
import static de.wahlwerk.core.check.Expect.exactly;
import static de.wahlwerk.core.check.Reports.bundestag;
import static de.wahlwerk.core.check.Reports.numbers;
import static de.wahlwerk.core.check.Reports.polling;
import static de.wahlwerk.core.check.Reports.postal;
import static de.wahlwerk.core.check.Reports.postalForm;
import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each warning: a valid report plus the context that makes exactly this one thing suspicious. */
class WarningRulesTest {

    private static ReportInput withPrevious(ReportInput in, Counts previous) {
        return in.withContext(CheckContext.NONE.withPrevious(previous));
    }

    private static ReportInput withAverage(ReportInput in, Counts sum, int reports) {
        return in.withContext(CheckContext.NONE.withAverage(new MunicipalTotals(sum, reports)));
    }

    @Test
    void sameAsPreviousIsClean() {
        clean(withPrevious(polling(bundestag()), bundestag().counts()));
        clean(withAverage(polling(bundestag()), bundestag().counts(), 20));
    }

    @Test
    void w001TurnoutVsPrevious() {
        // previous turnout 600 / 1428 = 42 %, now 63 %
        Counts previous = bundestag().with(f -> {
            f.a1 = 1276L;
            f.a = 1428L;
        }).counts();
        exactly(withPrevious(polling(bundestag()), previous), "W001@B");
    }

    @Test
    void w002ShareVsPrevious() {
        Counts previous = bundestag().with(f -> f.dn = numbers(300, 130, 80, 40, 44)).counts();
        exactly(withPrevious(polling(bundestag()), previous), "W002@D1");
    }

    @Test
    void w002NeedsEnoughVotes() {
        Counts previous = bundestag().with(f -> f.dn = numbers(300, 130, 80, 40, 44)).counts();
        ReportInput in = withPrevious(polling(bundestag()), previous);
        Thresholds t = new Thresholds(100_000, Thresholds.percent("15"), Thresholds.percent("15"),
                Thresholds.percent("20"), Thresholds.percent("20"), Thresholds.percent("5"), 1000, 10,
                Thresholds.percent("50"), Thresholds.percent("10"), 20, 3, 20);
        clean(in.withContext(in.context().withThresholds(t)));
    }

    @Test
    void w003TurnoutVsAverage() {
        Counts sum = bundestag().with(f -> {
            f.a1 = 800L * 30;
            f.a2 = 150L * 30;
            f.a3 = 2L * 30;
            f.a = 952L * 30;
            f.b = 600L * 20;
        }).counts();
        exactly(withAverage(polling(bundestag()), sum, 20), "W003@B");
    }

    @Test
    void w003NeedsEnoughReports() {
        Counts sum = bundestag().with(f -> f.a = 952L * 30).counts();
        clean(withAverage(polling(bundestag()), sum, 9));
    }

    @Test
    void w004ShareVsAverage() {
        Counts sum = bundestag().with(f -> f.dn = numbers(420, 60, 50, 20, 44)).counts();
        exactly(withAverage(polling(bundestag()), sum, 20), "W004@D1");
    }

    @Test
    void w005InvalidShare() {
        exactly(polling(bundestag().with(f -> {
            f.c = 40L;
            f.d = 560L;
            f.dn.put(1, 166L);
        })), "W005@C");
    }

    @Test
    void w005ThresholdIsConfigurable() {
        ReportInput in = polling(bundestag());
        exactly(in.withContext(CheckContext.NONE.withThresholds(
                Thresholds.DEFAULTS.withInvalidShareMax(Thresholds.percent("0.5")))), "W005@C", "W005@E");
    }

    @Test
    void w006FirstVotesCopiedFromSecond() {
        ReportInput in = polling(bundestag().with(f -> {
            f.e = 6L;
            f.f = 594L;
            f.fn = numbers(200, 150, 120, 80, 44);
        })).withBallot(Map.of(VoteKind.FIRST, Set.of(1, 2, 3, 4, 5), VoteKind.SECOND, Set.of(1, 2, 3, 4, 5)));
        exactly(in, "W006@D");
    }

    @Test
    void w006ShiftedByOneRow() {
        ReportInput in = polling(bundestag().with(f -> {
            f.dn = numbers(200, 150, 120, 124);
            f.fn = numbers(2, 200, 150, 120, 124);
        })).withBallot(Map.of(VoteKind.FIRST, Set.of(1, 2, 3, 4), VoteKind.SECOND, Set.of(1, 2, 3, 4, 5)));
        assertThat(PlausibilityCheck.check(in).findings()).singleElement()
                .satisfies(f -> assertThat(f.messageKey()).isEqualTo("check.W006.shifted"))
                .satisfies(f -> assertThat(f.field()).isEqualTo("D"));
    }

    @Test
    void w007WholeRowIdentical() {
        exactly(polling(bundestag().with(f -> {
            f.c = 10L;
            f.d = 590L;
            f.dn = numbers(118, 118, 118, 118, 118);
        })), "W007@D");
    }

    @Test
    void w008SwappedDigits() {
        // previously D3 had the share that now gives about 102; 120 is 102 with two digits swapped
        Counts previous = bundestag().with(f -> f.dn = numbers(218, 150, 102, 80, 44)).counts();
        exactly(withPrevious(polling(bundestag()), previous), "W008@D3");
    }

    @Test
    void w008SwappedDigitsInVoters() {
        // expected ~1423 voters from the previous turnout, 1243 entered
        Reports.Form now = bundestag().with(f -> {
            f.a1 = 1800L;
            f.a = 1952L;
            f.b = 1243L;
            f.d = 1237L;
            f.dn = numbers(400, 300, 250, 200, 87);
            f.f = 1239L;
            f.fn = numbers(390, 320, 220, 140, 80, 89);
        });
        Counts previous = bundestag().with(f -> {
            f.a1 = 1800L;
            f.a = 1952L;
            f.b = 1423L;
            f.d = 1237L;
            f.f = 1239L;
            f.dn = numbers(400, 300, 250, 200, 87);
            f.fn = numbers(390, 320, 220, 140, 80, 89);
        }).counts();
        exactly(withPrevious(polling(now), previous), "W008@B");
    }

    @Test
    void adjacentSwaps() {
        assertThat(SwappedDigitsRule.adjacentSwaps(1243)).containsExactly(2143L, 1423L, 1234L);
        assertThat(SwappedDigitsRule.adjacentSwaps(100)).isEmpty();
        assertThat(SwappedDigitsRule.adjacentSwaps(120)).containsExactly(210L, 102L);
    }

    @Test
    void w009NominationVanished() {
        exactly(withPrevious(polling(bundestag().with(f -> f.dn = numbers(244, 150, 120, 80, 0))),
                bundestag().counts()), "W009@D5");
    }

    @Test
    void w010PostalAboveCardsIssued() {
        exactly(postal(postalForm()).withContext(CheckContext.NONE.withPollingCardsIssued(250L)), "W010@B");
    }

    @Test
    void w011PostalFarBelowCardsIssued() {
        exactly(postal(postalForm()).withContext(CheckContext.NONE.withPollingCardsIssued(1000L)), "W011@B");
        clean(postal(postalForm()).withContext(CheckContext.NONE.withPollingCardsIssued(400L)));
    }

    @Test
    void w012MoreVotersThanEligible() {
        exactly(polling(bundestag().with(f -> {
            f.a1 = 500L;
            f.a2 = 30L;
            f.a3 = 0L;
            f.a = 530L;
            f.b1 = 100L;
        })), "W012@B");
    }

    @Test
    void w013CardVotersAboveCardsFromRoll() {
        exactly(polling(bundestag().with(f -> {
            f.a2 = 10L;
            f.a = 812L;
        })), "W013@B1");
    }

    @Test
    void w014CardVotersEqualA2() {
        exactly(polling(bundestag().with(f -> f.b1 = 150L)), "W014@B1");
    }

    @Test
    void noCardVotersInPollingDistrictIsNormal() {
        clean(polling(bundestag().with(f -> f.b1 = 0L)));
    }

    @Test
    void warningsWaitForErrorsToBeFixed() {
        exactly(polling(bundestag().with(f -> {
            f.b1 = 150L;
            f.a = 953L;
        })), "E004@A");
    }
}
