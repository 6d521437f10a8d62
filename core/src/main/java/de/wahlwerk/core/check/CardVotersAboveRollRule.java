package de.wahlwerk.core.check;

import de.wahlwerk.core.model.UnitKind;
import java.util.List;

/**
 * W013: a polling district has more card voters than cards were issued from its own roll
 * (B1 &gt; A2 + A3). Legal (card holders from other districts may vote here, § 14 Abs. 3 BWahlG),
 * but rare outside care homes and stations; otherwise B1 was mistyped. Not reported together with
 * W012: B &gt; A while E007 holds already implies B1 &gt; A2 + A3, so it would say the same twice.
 */
record CardVotersAboveRollRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W013";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        List<Long> v = sheet.usable(List.of("A2", "A3", "B1"));
        if (in.unit() != UnitKind.POLLING || v == null) {
            return;
        }
        Long a = sheet.usable("A");
        Long b = sheet.usable("B");
        if (a != null && b != null && b > a) {
            return;
        }
        long issued = Math.addExact(v.get(0), v.get(1));
        if (v.get(2) > issued) {
            out.add(this, "B1", v.get(2), issued);
        }
    }
}
