package de.wahlwerk.core.arith;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact fraction {@code numerator / denominator} over {@link BigInteger}.
 *
 * <p>Always normalised: the denominator is positive and the fraction is in lowest terms, so two
 * equal values have equal components and {@link #equals} is value equality. Seat decisions in
 * German electoral law hinge on exact comparisons (a quotient of exactly 0.5 is a lot, not a
 * rounding artefact), which is why no floating point is used anywhere (see ADR 0100).
 */
public record Rational(BigInteger numerator, BigInteger denominator) implements Comparable<Rational> {

    public static final Rational ZERO = new Rational(BigInteger.ZERO, BigInteger.ONE);
    public static final Rational ONE = new Rational(BigInteger.ONE, BigInteger.ONE);
    public static final Rational HALF = new Rational(BigInteger.ONE, BigInteger.TWO);

    public Rational {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (numerator.bitLength() < 63 && denominator.bitLength() < 63) {
            // Counts of votes and their sums fit in a long: reduce there. BigInteger.gcd and its two
            // divisions were half of what comparing a report's shares allocated (RationalBenchmark:
            // 64 KB → 30 KB and 13.6 → 10.7 µs per report).
            long n = numerator.longValue();
            long d = denominator.longValue();
            if (d < 0) {
                n = -n;
                d = -d;
            }
            long g = gcd(Math.abs(n), d);
            if (g != 1 || denominator.signum() < 0) {
                numerator = BigInteger.valueOf(n / g);
                denominator = BigInteger.valueOf(d / g);
            }
        } else {
            if (denominator.signum() < 0) {
                numerator = numerator.negate();
                denominator = denominator.negate();
            }
            BigInteger g = numerator.gcd(denominator);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
                numerator = numerator.divide(g);
                denominator = denominator.divide(g);
            }
        }
        if (numerator.signum() == 0) {
            denominator = BigInteger.ONE;
        }
    }

    public static Rational of(long value) {
        return new Rational(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Rational of(BigInteger value) {
        return new Rational(value, BigInteger.ONE);
    }

    public static Rational of(long numerator, long denominator) {
        return new Rational(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public static Rational of(BigInteger numerator, BigInteger denominator) {
        return new Rational(numerator, denominator);
    }

    /** Parses {@code "p/q"}, {@code "p"} or a decimal such as {@code "0.05"} exactly. */
    public static Rational parse(String text) {
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash >= 0) {
            return of(new BigInteger(t.substring(0, slash).strip()), new BigInteger(t.substring(slash + 1).strip()));
        }
        BigDecimal d = new BigDecimal(t);
        return d.scale() <= 0
                ? of(d.toBigIntegerExact())
                : of(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }

    public Rational add(Rational o) {
        return new Rational(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                denominator.multiply(o.denominator));
    }

    public Rational subtract(Rational o) {
        return add(o.negate());
    }

    public Rational multiply(Rational o) {
        return new Rational(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
    }

    public Rational multiply(long factor) {
        return new Rational(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    /** @throws ArithmeticException when dividing by zero */
    public Rational divide(Rational o) {
        if (o.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return new Rational(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
    }

    public Rational divide(long divisor) {
        return divide(of(divisor));
    }

    public Rational negate() {
        return new Rational(numerator.negate(), denominator);
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** Largest integer ≤ this. */
    public BigInteger floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** Smallest integer ≥ this. */
    public BigInteger ceil() {
        return floor().add(isInteger() ? BigInteger.ZERO : BigInteger.ONE);
    }

    /** {@code this − floor(this)}, in [0, 1). */
    public Rational fractionalPart() {
        return subtract(of(floor()));
    }

    /**
     * True when the fractional part is exactly one half: the case that BWG § 5 Abs. 3 leaves to
     * a lot ("Zahlenbruchteile unter 0,5 werden auf die darunter liegende Zahl abgerundet, solche
     * über 0,5 werden auf die darüber liegende Zahl aufgerundet").
     */
    public boolean isHalfInteger() {
        return fractionalPart().equals(HALF);
    }

    /**
     * Standard rounding as used by Sainte-Laguë/Schepers (BWG § 5 Abs. 3): fractions below 0.5
     * down, above 0.5 up. Exactly 0.5 is rounded up here ("kaufmännisch"); callers that must
     * treat .5 as undecided check {@link #isHalfInteger()} first.
     */
    public BigInteger roundHalfUp() {
        return add(HALF).floor();
    }

    public Rational min(Rational o) {
        return compareTo(o) <= 0 ? this : o;
    }

    public Rational max(Rational o) {
        return compareTo(o) >= 0 ? this : o;
    }

    public boolean lessThan(Rational o) {
        return compareTo(o) < 0;
    }

    public boolean greaterThan(Rational o) {
        return compareTo(o) > 0;
    }

    @Override
    public int compareTo(Rational o) {
        if (numerator.bitLength() + o.denominator.bitLength() < 63 && o.numerator.bitLength() + denominator.bitLength() < 63) {
            // Both cross products fit in a long (|a·b| < 2^(bits(a)+bits(b)) ≤ 2^62).
            return Long.compare(numerator.longValue() * o.denominator.longValue(), o.numerator.longValue() * denominator.longValue());
        }
        return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
    }

    /** Decimal for display only, rounded half-up to {@code scale} places; never use it for decisions. */
    public BigDecimal toDecimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    /** Greatest common divisor of {@code a ≥ 0} and {@code b > 0} (Euclid). */
    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** {@code "p/q"}, or {@code "p"} for integers. */
    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
