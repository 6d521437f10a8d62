package de.wahlwerk.core.check;

/** E002: a count below zero (every field counts persons, ballots or votes). */
record NegativeNumberRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E002";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        for (Sheet.Entry e : sheet.entries()) {
            if (e.value() != null && e.value() < 0) {
                out.add(this, e.field(), e.label(), e.value());
            }
        }
    }
}
