package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.Counts;
import java.util.ArrayList;
import java.util.List;

/**
 * W008: a number far from what the unit's previous result (else tonight's average) leads to
 * expect, which fits when two adjacent digits are swapped (1243 typed for ~1423): the most common
 * typing slip. Checked for B (expected B1 + A1 × in-person turnout) and each nomination (expected valid × share).
 * "Fits" means within the swap tolerance of the expectation (at least 1), "far" means more than
 * three tolerances away. Numbers below 100 are left out: there a swap "fits" by coincidence too
 * often (calibrated on Göttingen 2025 against 2021, where a 10 % tolerance and two-digit numbers
 * flagged dozens of genuine districts).
 */
record SwappedDigitsRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    private static final Rational MIN_TOLERANCE = Rational.ONE;
    private static final long MIN_VALUE = 100;
    private static final long FAR = 3;

    public String code() {
        return "W008";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Counts reference = References.expected(in);
        if (reference == null) {
            return;
        }
        Rational tolerance = in.thresholds().swapTolerance();
        // expected voters: card voters as entered plus the in-person share of A1 (see Ratios)
        Rational inPerson = Ratios.inPersonTurnout(reference);
        if (Ratios.inPersonTurnout(in, sheet) != null && inPerson != null) {
            long a1 = sheet.usable("A1");
            long b1 = sheet.usable("B1");
            check(out, "B", sheet.usable("B"), inPerson.multiply(a1).add(Rational.of(b1)), tolerance);
        }
        ShareComparison.forEach(in, sheet, reference,
                p -> check(out, p.field(), p.votes(), p.refShare().multiply(p.valid()), tolerance));
    }

    private void check(Findings out, String field, long value, Rational expected, Rational relative) {
        if (value < MIN_VALUE) {
            return;
        }
        Rational tol = expected.multiply(relative).max(MIN_TOLERANCE);
        if (!Ratios.distance(Rational.of(value), expected).greaterThan(tol.multiply(FAR))) {
            return;
        }
        Long best = null;
        Rational bestDistance = null;
        for (long swapped : adjacentSwaps(value)) {
            Rational d = Ratios.distance(Rational.of(swapped), expected);
            if (!d.greaterThan(tol) && (bestDistance == null || d.lessThan(bestDistance))) {
                best = swapped;
                bestDistance = d;
            }
        }
        if (best != null) {
            out.add(this, field, field, value, best, expected.roundHalfUp().longValueExact());
        }
    }

    /** The numbers made by swapping two different adjacent digits, without a leading zero. */
    static List<Long> adjacentSwaps(long value) {
        char[] digits = Long.toString(value).toCharArray();
        List<Long> result = new ArrayList<>();
        for (int i = 0; i + 1 < digits.length; i++) {
            if (digits[i] == digits[i + 1] || (i == 0 && digits[1] == '0')) {
                continue;
            }
            char[] s = digits.clone();
            s[i] = digits[i + 1];
            s[i + 1] = digits[i];
            result.add(Long.parseLong(new String(s)));
        }
        return result;
    }
}
