package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.VoteKind;

/**
 * W005: more invalid votes (council elections: invalid ballots; referendums: invalid answers) than
 * the threshold share of B. Usually valid and invalid were swapped or a stack was counted twice.
 */
record InvalidShareRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W005";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Long b = sheet.usable("B");
        if (b == null || b == 0) {
            return;
        }
        Rational limit = in.thresholds().invalidShareMax();
        for (VoteKind kind : in.voteKinds()) {
            if (kind == VoteKind.YES_NO) {
                continue;
            }
            Letters l = Letters.of(kind);
            check(sheet, out, l.invalid(), b, limit);
        }
        for (ReferendumQuestion q : in.questions()) {
            check(sheet, out, q.field() + ".invalid", b, limit);
        }
    }

    private void check(Sheet sheet, Findings out, String field, long b, Rational limit) {
        Long invalid = sheet.usable(field);
        if (invalid != null && invalid <= b && Ratios.of(invalid, b).greaterThan(limit)) {
            out.add(this, field, sheet.label(field), invalid, Percent.of(Ratios.of(invalid, b)), Percent.of(limit));
        }
    }
}
