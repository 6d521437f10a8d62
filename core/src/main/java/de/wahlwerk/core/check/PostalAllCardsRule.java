package de.wahlwerk.core.check;

import de.wahlwerk.core.model.UnitKind;
import java.util.List;

/** E010: everyone who votes by post holds a polling card (§ 28 BWO), so in a postal district B = B1. */
record PostalAllCardsRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E010";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (in.unit() != UnitKind.POSTAL) {
            return;
        }
        List<Long> v = sheet.usable(List.of("B", "B1"));
        // B1 > B is E008's finding; here only the shortfall
        if (v != null && v.get(1) < v.get(0)) {
            out.add(this, "B1", v.get(1), v.get(0));
        }
    }
}
