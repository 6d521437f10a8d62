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
}
