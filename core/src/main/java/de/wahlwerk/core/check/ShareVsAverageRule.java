package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;

/** W004: a nomination's share far from its share in the municipality's reports so far tonight. */
record ShareVsAverageRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W004";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Rational limit = in.thresholds().shareVsAverage();
        ShareComparison.forEach(in, sheet, References.average(in), p -> {
            if (Ratios.differ(p.share(), p.refShare(), limit)) {
                out.add(this, p.field(), p.field(), p.letters().name(), Percent.of(p.share()),
                        Percent.of(p.refShare()), Percent.points(limit));
            }
        });
    }
}
