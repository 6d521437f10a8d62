package de.wahlwerk.core.check;

import java.util.List;

/** E004: A must equal A1 + A2 + A3 (Anlage 29 BWO defines A as that sum). */
record EligibleSumRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E004";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Long a = sheet.usable("A");
        List<Long> parts = sheet.usable(List.of("A1", "A2", "A3"));
        if (a == null || parts == null) {
            return;
        }
        long sum = Sheet.sum(parts);
        if (a != sum) {
            out.add(this, "A", sheet.label("A"), a, sum);
        }
    }
}
