package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.ApportionmentExplanation.DivisorSpan;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** The admissible divisor span of a divisor-method result and a round divisor inside it. */
final class Divisors {

    private Divisors() {}

    /**
     * Span per S5 Tab. 6.2.x: above every contender's quotient for its next seat
     * ({@code v/d(s)}, "Divisorkandidat 2") and at most every contender's quotient for its last
     * seat ({@code v/d(s−1)}, "Divisorkandidat 1"). Minimum seats and capacities bound only one
     * side. Empty when no seat was allocated by quotient (nothing to bound the divisor from above).
     */
    static Optional<DivisorSpan> span(Method method, List<Contender> contenders, int[] held, boolean tie) {
        Rational lo = Rational.ZERO;
        Rational hi = null;
        for (int i = 0; i < contenders.size(); i++) {
            Contender c = contenders.get(i);
            Rational v = Rational.of(c.votes());
            if (held[i] < c.capacity()) {
                lo = lo.max(v.divide(method.signpost(held[i])));
            }
            if (held[i] > c.minimumSeats()) {
                Rational last = v.divide(method.signpost(held[i] - 1));
                hi = hi == null ? last : hi.min(last);
            }
        }
        if (hi == null) {
            return Optional.empty();
        }
        if (tie || lo.compareTo(hi) >= 0) {
            // lot decided (or must decide): the only divisor is the tied quotient itself
            return Optional.of(new DivisorSpan(hi, hi, hi));
        }
        return Optional.of(new DivisorSpan(lo, hi, roundValueIn(lo, hi)));
    }

    /**
     * The "smoothest" value in {@code (lo, hi]}: the largest multiple of the coarsest power of ten
     * that fits, refined by halves (so that 68 100 or 57 850 come out as the official ones do).
     */
    static Rational roundValueIn(Rational lo, Rational hi) {
        int exponent = hi.floor().toString().length();
        for (int e = exponent; e > -40; e--) {
            for (Rational step : new Rational[] {pow10(e), pow10(e).multiply(Rational.of(5)).divide(10)}) {
                BigInteger k = hi.divide(step).floor();
                Rational candidate = step.multiply(Rational.of(k));
                if (candidate.greaterThan(lo) && !candidate.greaterThan(hi) && candidate.signum() > 0) {
                    return candidate;
                }
            }
        }
        return hi;
    }

    private static Rational pow10(int e) {
        return e >= 0 ? Rational.of(BigInteger.TEN.pow(e)) : Rational.of(BigInteger.ONE, BigInteger.TEN.pow(-e));
    }
}
