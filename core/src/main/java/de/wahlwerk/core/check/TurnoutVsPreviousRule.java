package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;

/**
 * W001: a polling district's in-person turnout (B − B1) / A1 far from the previous election's. Turnout of one
 * district moves little between elections of one kind; a large jump usually means a typo in A or B
 * (or a redrawn district, which is the reason to give when confirming).
 */
record TurnoutVsPreviousRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W001";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Rational now = Ratios.inPersonTurnout(in, sheet);
        Rational before = Ratios.inPersonTurnout(References.previous(in));
        Rational limit = in.thresholds().turnoutVsPrevious();
        if (now != null && before != null && Ratios.differ(now, before, limit)) {
            out.add(this, "B", Percent.of(now), Percent.of(before), Percent.points(limit));
        }
    }
}
