package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.UnitKind;

/**
 * W011: a postal district counted far fewer voters than polling cards were issued in its
 * catchment. Some card holders vote in person and some never send their letter back, but usually
 * well over half return it; far below that, a stack of letters may be missing from the count.
 */
record PostalBelowCardsRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W011";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Long cards = in.context().pollingCardsIssued();
        Long b = sheet.usable("B");
        if (in.unit() != UnitKind.POSTAL || cards == null || b == null || cards <= 0) {
            return;
        }
        Rational min = in.thresholds().postalMinReturn();
        Rational share = Ratios.of(b, cards);
        if (share.lessThan(min)) {
            out.add(this, "B", b, cards, Percent.of(share), Percent.of(min));
        }
    }
}
