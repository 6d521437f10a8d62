package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;

/** W003: a polling district's in-person turnout (B − B1) / A1 far from the municipality's polling districts so far tonight. */
record TurnoutVsAverageRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W003";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Rational now = Ratios.inPersonTurnout(in, sheet);
        Rational average = Ratios.inPersonTurnout(References.average(in));
        Rational limit = in.thresholds().turnoutVsAverage();
        if (now != null && average != null && Ratios.differ(now, average, limit)) {
            out.add(this, "B", Percent.of(now), Percent.of(average), Percent.points(limit));
        }
    }
}
