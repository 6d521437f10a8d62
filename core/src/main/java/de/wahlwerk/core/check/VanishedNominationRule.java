package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;

/**
 * W009: a nomination has 0 votes although its previous share in this unit would give it many —
 * typically a row skipped while typing. (A nomination may really get nothing; then confirm.)
 */
record VanishedNominationRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W009";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Rational min = Rational.of(in.thresholds().vanishedMinExpected());
        ShareComparison.forEach(in, sheet, References.previous(in), p -> {
            Rational expected = p.refShare().multiply(p.valid());
            if (p.votes() == 0 && !expected.lessThan(min)) {
                out.add(this, p.field(), p.field(), p.letters().name(), Percent.of(p.refShare()),
                        expected.roundHalfUp().longValueExact());
            }
        });
    }
}
