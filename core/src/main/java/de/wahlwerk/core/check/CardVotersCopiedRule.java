package de.wahlwerk.core.check;

import de.wahlwerk.core.model.UnitKind;
import java.util.List;

/**
 * W014: in a polling district B1 equals A2 although A2 is large. Most card holders vote by post,
 * so B1 is usually a small fraction of A2 (and B1 = 0 is normal); exactly A2 suggests the number
 * of the roll was typed into B1.
 */
record CardVotersCopiedRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W014";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        List<Long> v = sheet.usable(List.of("A2", "B1"));
        if (in.unit() == UnitKind.POLLING && v != null && v.get(0) >= in.thresholds().cardCopyMin()
                && v.get(0).equals(v.get(1))) {
            out.add(this, "B1", v.get(1));
        }
    }
}
