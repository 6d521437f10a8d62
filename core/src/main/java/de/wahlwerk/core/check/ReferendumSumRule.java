package de.wahlwerk.core.check;

import java.util.List;

/**
 * E017: referendum: every ballot is counted for each question as yes, no or invalid, so
 * yes + no + invalid = B per question.
 */
record ReferendumSumRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E017";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Long b = sheet.usable("B");
        for (ReferendumQuestion q : in.questions()) {
            String f = q.field();
            List<Long> v = sheet.usable(List.of(f + ".yes", f + ".no", f + ".invalid"));
            if (b == null || v == null) {
                continue;
            }
            long sum = Sheet.sum(v);
            if (sum != b) {
                out.add(this, f, q.number(), sum, b);
            }
        }
    }
}
