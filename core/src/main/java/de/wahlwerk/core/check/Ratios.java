package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.UnitKind;

/** Exact turnouts and shares; decisions compare {@link Rational}s, never doubles. */
final class Ratios {

    private Ratios() {}

    static Rational of(long part, long whole) {
        return Rational.of(part, whole);
    }

    static Rational distance(Rational a, Rational b) {
        Rational d = a.subtract(b);
        return d.signum() < 0 ? d.negate() : d;
    }

    /** |a − b| &gt; limit. */
    static boolean differ(Rational a, Rational b, Rational limit) {
        return distance(a, b).greaterThan(limit);
    }

    /** B / A of this report, or null for postal districts and unusable or zero A. */
    static Rational turnout(ReportInput in, Sheet sheet) {
        if (in.unit() != UnitKind.POLLING) {
            return null;
        }
        Long a = sheet.usable("A");
        Long b = sheet.usable("B");
        return a == null || b == null || a == 0 ? null : of(b, a);
    }

    /** B / A of reference counts (previous election, current totals), or null. */
    static Rational turnout(Counts c) {
        if (c == null || c.eligible() == null || c.voters() == null || c.eligible() <= 0 || c.voters() < 0) {
            return null;
        }
        return of(c.voters(), c.eligible());
    }

    /**
     * In-person turnout (B − B1) / A1 of this polling district: of those who could vote here without
     * a card, the share who did. Unlike B / A it does not move when more people vote by post (2021
     * polling districts in Göttingen had a B / A some 15 points below 2025 because of the pandemic's
     * postal vote, while (B − B1) / A1 moved far less), so comparisons with other elections or
     * districts see typos rather than the postal share.
     */
    static Rational inPersonTurnout(ReportInput in, Sheet sheet) {
        if (in.unit() != UnitKind.POLLING) {
            return null;
        }
        Long a1 = sheet.usable("A1");
        Long b = sheet.usable("B");
        Long b1 = sheet.usable("B1");
        return a1 == null || b == null || b1 == null || a1 == 0 || b1 > b ? null : of(b - b1, a1);
    }

    /** (B − B1) / A1 of reference counts, or null. */
    static Rational inPersonTurnout(Counts c) {
        if (c == null || c.eligibleNoCard() == null || c.voters() == null || c.votersWithCard() == null
                || c.eligibleNoCard() <= 0 || c.votersWithCard() > c.voters() || c.votersWithCard() < 0) {
            return null;
        }
        return of(c.voters() - c.votersWithCard(), c.eligibleNoCard());
    }
}
