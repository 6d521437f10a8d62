package de.wahlwerk.core.arith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;

class RationalTest {

    @Provide
    Arbitrary<Rational> rationals() {
        return Combinators.combine(
                        Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L),
                        Arbitraries.longs().between(-1_000_000L, 1_000_000L).filter(d -> d != 0))
                .as(Rational::of);
    }

    @Property
    void normalisedFormIsCanonical(@ForAll("rationals") Rational r) {
        assertThat(r.denominator().signum()).isPositive();
        assertThat(r.numerator().gcd(r.denominator())).isEqualTo(BigInteger.ONE);
        Rational scaled = Rational.of(r.numerator().multiply(BigInteger.valueOf(-7)),
                r.denominator().multiply(BigInteger.valueOf(-7)));
        assertThat(scaled).isEqualTo(r).hasSameHashCodeAs(r);
    }

    /** Components on both sides of the long fast path (63 bits), with shared factors to cancel. */
    @Provide
    Arbitrary<BigInteger> edgeComponents() {
        Arbitrary<BigInteger> near = Arbitraries.bigIntegers()
                .between(BigInteger.ONE.shiftLeft(61).negate(), BigInteger.ONE.shiftLeft(65));
        Arbitrary<BigInteger> small = Arbitraries.longs().between(-50_000, 50_000).map(BigInteger::valueOf);
        Arbitrary<BigInteger> factor = Arbitraries.of(1L, 2L, 3L, 6L, 1L << 20, 999_983L).map(BigInteger::valueOf);
        return Combinators.combine(Arbitraries.oneOf(near, small), factor).as(BigInteger::multiply);
    }

    @Property(tries = 2000)
    void theLongFastPathReducesAndComparesAsBigIntegersDo(@ForAll("edgeComponents") BigInteger n, @ForAll("edgeComponents") BigInteger d,
            @ForAll("edgeComponents") BigInteger m, @ForAll("edgeComponents") BigInteger e) {
        if (d.signum() == 0 || e.signum() == 0) {
            return;
        }
        Rational a = Rational.of(n, d);
        BigInteger g = n.gcd(d);
        BigInteger sign = BigInteger.valueOf(d.signum());
        assertThat(a.numerator()).isEqualTo(n.signum() == 0 ? BigInteger.ZERO : n.divide(g).multiply(sign));
        assertThat(a.denominator()).isEqualTo(n.signum() == 0 ? BigInteger.ONE : d.divide(g).abs());
        Rational b = Rational.of(m, e);
        int expected = n.multiply(sign).multiply(e.abs()).compareTo(m.multiply(BigInteger.valueOf(e.signum())).multiply(d.abs()));
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(expected));
    }

    @Property
    void fieldLaws(@ForAll("rationals") Rational a, @ForAll("rationals") Rational b, @ForAll("rationals") Rational c) {
        assertThat(a.add(b)).isEqualTo(b.add(a));
        assertThat(a.add(b).add(c)).isEqualTo(a.add(b.add(c)));
        assertThat(a.multiply(b.add(c))).isEqualTo(a.multiply(b).add(a.multiply(c)));
        assertThat(a.subtract(b).add(b)).isEqualTo(a);
        if (b.signum() != 0) {
            assertThat(a.divide(b).multiply(b)).isEqualTo(a);
        }
    }

    @Property
    void compareAgreesWithSubtraction(@ForAll("rationals") Rational a, @ForAll("rationals") Rational b) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(a.subtract(b).signum());
        assertThat(a.compareTo(b) == 0).isEqualTo(a.equals(b));
    }

    @Property
    void floorAndCeilBracketTheValue(@ForAll("rationals") Rational r) {
        Rational floor = Rational.of(r.floor());
        Rational ceil = Rational.of(r.ceil());
        assertThat(floor.compareTo(r)).isLessThanOrEqualTo(0);
        assertThat(r.subtract(floor).compareTo(Rational.ONE)).isLessThan(0);
        assertThat(ceil.compareTo(r)).isGreaterThanOrEqualTo(0);
        assertThat(ceil.subtract(r).compareTo(Rational.ONE)).isLessThan(0);
        assertThat(r.fractionalPart().signum()).isGreaterThanOrEqualTo(0);
    }

    @Property
    void standardRoundingIsWithinOneHalf(@ForAll("rationals") Rational r) {
        Rational rounded = Rational.of(r.roundHalfUp());
        Rational distance = rounded.subtract(r);
        // |rounded - r| <= 1/2, and exactly 1/2 only at half-integers, which round up
        assertThat(distance.compareTo(Rational.HALF)).isLessThanOrEqualTo(0);
        assertThat(distance.compareTo(Rational.HALF.negate())).isGreaterThan(0);
        assertThat(distance.equals(Rational.HALF)).isEqualTo(r.isHalfInteger());
    }

    @Test
    void examples() {
        assertThat(Rational.of(6, -4)).hasToString("-3/2");
        assertThat(Rational.of(-3, 2).floor()).isEqualTo(BigInteger.valueOf(-2));
        assertThat(Rational.of(-3, 2).ceil()).isEqualTo(BigInteger.valueOf(-1));
        assertThat(Rational.of(5, 2).roundHalfUp()).isEqualTo(BigInteger.valueOf(3));
        assertThat(Rational.of(249, 100).roundHalfUp()).isEqualTo(BigInteger.valueOf(2));
        assertThat(Rational.of(251, 100).roundHalfUp()).isEqualTo(BigInteger.valueOf(3));
        assertThat(Rational.parse("0.05")).isEqualTo(Rational.of(1, 20));
        assertThat(Rational.parse("12/-8")).isEqualTo(Rational.of(-3, 2));
        assertThat(Rational.of(0, -5)).isEqualTo(Rational.ZERO).hasToString("0");
        // BSW 2025 missed 5 % of 49,649,512 by 9,529 votes (ELECTORAL_LAW.md § 2.3.1): exact, not float
        Rational fivePercent = Rational.of(49_649_512L).multiply(Rational.of(1, 20));
        assertThat(fivePercent).isEqualTo(Rational.of(12_412_378, 5));
        assertThat(fivePercent.toDecimal(1)).hasToString("2482475.6");
        assertThatThrownBy(() -> Rational.ONE.divide(Rational.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.of(1, 0)).isInstanceOf(ArithmeticException.class);
    }
}
