package de.wahlwerk.core.check;

import de.wahlwerk.core.model.UnitKind;
import java.util.List;

/**
 * W012: a polling district has more voters than eligible voters on its roll (B &gt; A). Not an
 * error: holders of a polling card may vote in any district of the constituency (§ 14 Abs. 3
 * BWahlG), so card voters from elsewhere can push B above A (e.g. near a station or hospital).
 * The impossible part — more voters without card than A1 — is E007.
 */
record MoreVotersThanEligibleRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W012";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        List<Long> v = sheet.usable(List.of("A", "B"));
        if (in.unit() == UnitKind.POLLING && v != null && v.get(1) > v.get(0)) {
            out.add(this, "B", v.get(1), v.get(0));
        }
    }
}
