package de.wahlwerk.core.check;

import java.util.List;

/** E012: council elections: the invalid ballots C are part of the ballots cast B, so C ≤ B. */
record CumulativeInvalidBallotsRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E012";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (!Cumulative.applies(in)) {
            return;
        }
        List<Long> v = sheet.usable(List.of("B", "C"));
        if (v != null && v.get(1) > v.get(0)) {
            out.add(this, "C", v.get(1), v.get(0));
        }
    }
}
