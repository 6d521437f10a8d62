package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;

/**
 * W002: a nomination's share far from its share in the same unit at the previous election; the
 * typical cause is a number typed into the neighbouring row of the form.
 */
record ShareVsPreviousRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W002";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Rational limit = in.thresholds().shareVsPrevious();
        ShareComparison.forEach(in, sheet, References.previous(in), p -> {
            if (Ratios.differ(p.share(), p.refShare(), limit)) {
                out.add(this, p.field(), p.field(), p.letters().name(), Percent.of(p.share()),
                        Percent.of(p.refShare()), Percent.points(limit));
            }
        });
    }
}
