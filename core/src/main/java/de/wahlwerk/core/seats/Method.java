package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;

/**
 * The apportionment methods used in German electoral law (names per GLOSSARY.md).
 *
 * <p>The two divisor methods are described by their signposts {@code d(s)}: a contender holding
 * {@code s} seats competes for the next one with the quotient {@code votes / d(s)}.
 */
public enum Method {
    /**
     * Sainte-Laguë/Schepers: divisor method with standard rounding, signposts 0.5, 1.5, 2.5, …
     * (BWG § 5; BW KomWG § 25 Abs. 1 "ungerade Zahlen"; Bayern GLKrWG Art. 35 Abs. 2 "1, 3, 5";
     * Sachsen KomWG § 22 Abs. 1 "0,5; 1,5; 2,5" — all the same ranking of quotients).
     */
    WEBSTER,
    /** d'Hondt: divisor method rounding down, signposts 1, 2, 3, … (e.g. Saarland KWG § 41 Abs. 1). */
    DHONDT,
    /** Hare/Niemeyer: largest remainder of the Hare quota (e.g. Hessen KWG § 22 Abs. 3). */
    HAMILTON;

    public boolean isDivisorMethod() {
        return this != HAMILTON;
    }

    /** Signpost {@code d(s)}: the divisor for a contender's {@code (s+1)}-th seat. */
    public Rational signpost(int seatsHeld) {
        return switch (this) {
            case WEBSTER -> Rational.of(2L * seatsHeld + 1, 2);
            case DHONDT -> Rational.of(seatsHeld + 1L);
            case HAMILTON -> throw new UnsupportedOperationException("Hare/Niemeyer is not a divisor method");
        };
    }
}
