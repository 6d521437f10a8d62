package de.wahlwerk.core.check;

import de.wahlwerk.core.model.UnitKind;
import java.util.List;

/**
 * E009: a postal district has no roll (§ 7 BWO keeps the roll per polling district), so A1, A2, A3
 * and A must stay empty. Zero is accepted as well because several vendors export it for "empty".
 */
record PostalNoRollRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E009";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (in.unit() != UnitKind.POSTAL) {
            return;
        }
        for (Sheet.Entry e : sheet.entries()) {
            if (List.of("A1", "A2", "A3", "A").contains(e.field()) && e.value() != null && e.value() != 0) {
                out.add(this, e.field(), e.label(), e.value());
            }
        }
    }
}
