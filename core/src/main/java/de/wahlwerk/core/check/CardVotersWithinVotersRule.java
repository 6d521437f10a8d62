package de.wahlwerk.core.check;

import java.util.List;

/** E008: B1 counts the voters "darunter mit Wahlschein", a part of B, so B1 ≤ B. */
record CardVotersWithinVotersRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E008";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        List<Long> v = sheet.usable(List.of("B", "B1"));
        if (v != null && v.get(1) > v.get(0)) {
            out.add(this, "B1", v.get(1), v.get(0));
        }
    }
}
