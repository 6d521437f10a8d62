package de.wahlwerk.core.check;

/**
 * E001: a field the form of this election and unit kind requires is empty. The quick report
 * (Anlage 29 BWO, § 71 BWO) asks for every letter; an empty field is a forgotten one, never zero.
 */
record MissingFieldRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E001";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        for (Sheet.Entry e : sheet.entries()) {
            if (e.required() && e.value() == null) {
                out.add(this, e.field(), e.label());
            }
        }
    }
}
