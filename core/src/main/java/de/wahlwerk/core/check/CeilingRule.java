package de.wahlwerk.core.check;

/**
 * E003: a count above the configured ceiling of one unit (default 100 000 persons; votes of council
 * elections ceiling × N). No district is that large (§ 12 Abs. 2 BWO: at most 2 500 inhabitants
 * as a rule), so such a number is a slip of the keyboard; it also keeps every sum far from overflow.
 */
record CeilingRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E003";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        for (Sheet.Entry e : sheet.entries()) {
            if (e.value() != null && e.value() > e.ceiling()) {
                out.add(this, e.field(), e.label(), e.value(), e.ceiling());
            }
        }
    }
}
