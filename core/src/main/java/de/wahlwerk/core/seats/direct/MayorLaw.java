package de.wahlwerk.core.seats.direct;

import de.wahlwerk.core.arith.Rational;

/**
 * Rules for the direct election of a Bürgermeister or Landrat (ELECTORAL_LAW.md § 6). Every Land
 * requires more than half of the valid votes in the first round; they differ in what follows.
 * Rows marked [UNV] in § 6 are the common top-two rule and must be checked against the statute.
 */
public enum MayorLaw {
    /** KomWG (2023 reform): Stichwahl of the top two, relative majority, tie → lot [V-SEC]. */
    BADEN_WUERTTEMBERG(Rational.ZERO, Round2.TOP_TWO),
    /** GLKrWG: Stichwahl of the top two two weeks later [V-SEC]. */
    BAYERN(Rational.ZERO, Round2.TOP_TWO),
    /** BbgKWahlG § 72 Abs. 2: also ≥ 15 % of the eligible voters, in both rounds; else the council elects [V-SEC]. */
    BRANDENBURG(Rational.of(15, 100), Round2.TOP_TWO),
    HESSEN(Rational.ZERO, Round2.TOP_TWO),
    MECKLENBURG_VORPOMMERN(Rational.ZERO, Round2.TOP_TWO),
    NIEDERSACHSEN(Rational.ZERO, Round2.TOP_TWO),
    NORDRHEIN_WESTFALEN(Rational.ZERO, Round2.TOP_TWO),
    RHEINLAND_PFALZ(Rational.ZERO, Round2.TOP_TWO),
    SAARLAND(Rational.ZERO, Round2.TOP_TWO),
    /** KomWG § 44a: a second ballot open to changed nominations, relative majority, tie → lot [V-SEC]. */
    SACHSEN(Rational.ZERO, Round2.NEW_BALLOT),
    SACHSEN_ANHALT(Rational.ZERO, Round2.TOP_TWO),
    SCHLESWIG_HOLSTEIN(Rational.ZERO, Round2.TOP_TWO),
    THUERINGEN(Rational.ZERO, Round2.TOP_TWO);

    /** What happens when nobody has more than half of the valid votes. */
    public enum Round2 {
        /** Stichwahl between the two candidates with the most votes */
        TOP_TWO,
        /** a new ballot with (possibly changed) nominations, decided by relative majority */
        NEW_BALLOT
    }

    private final Rational eligibleQuorum;
    private final Round2 round2;

    MayorLaw(Rational eligibleQuorum, Round2 round2) {
        this.eligibleQuorum = eligibleQuorum;
        this.round2 = round2;
    }

    /** Minimum share of the eligible voters the winner's votes must reach (0 = none). */
    public Rational eligibleQuorum() {
        return eligibleQuorum;
    }

    public Round2 round2() {
        return round2;
    }
}
