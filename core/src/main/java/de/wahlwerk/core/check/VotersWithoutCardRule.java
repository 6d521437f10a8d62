package de.wahlwerk.core.check;

import de.wahlwerk.core.model.UnitKind;
import java.util.List;

/**
 * E007: in a polling district the voters without polling card (B − B1) cannot exceed the roll
 * entries without mark "W" (A1): only they may vote here without a card (§ 14 Abs. 1 BWahlG);
 * those added under § 25 Abs. 2 BWO (A3) receive a polling card and so are part of B1.
 */
record VotersWithoutCardRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E007";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (in.unit() != UnitKind.POLLING) {
            return;
        }
        List<Long> v = sheet.usable(List.of("A1", "B", "B1"));
        if (v == null || v.get(2) > v.get(1)) {
            return;
        }
        long withoutCard = v.get(1) - v.get(2);
        if (withoutCard > v.get(0)) {
            out.add(this, "B", v.get(1), v.get(2), withoutCard, v.get(0));
        }
    }
}
