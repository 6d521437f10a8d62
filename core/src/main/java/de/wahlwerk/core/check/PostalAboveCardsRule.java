package de.wahlwerk.core.check;

import de.wahlwerk.core.model.UnitKind;

/**
 * W010: a postal district counted more voters than polling cards were issued in its catchment.
 * Every postal voter needs a card (§ 28 BWO), so this points to a typo or to ballots assigned to
 * the wrong postal district; it is a warning because catchments are sometimes rearranged.
 */
record PostalAboveCardsRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W010";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Long cards = in.context().pollingCardsIssued();
        Long b = sheet.usable("B");
        if (in.unit() == UnitKind.POSTAL && cards != null && b != null && b > cards) {
            out.add(this, "B", b, cards);
        }
    }
}
