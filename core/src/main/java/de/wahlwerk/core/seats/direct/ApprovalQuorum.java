package de.wahlwerk.core.seats.direct;

import de.wahlwerk.core.arith.Rational;

/**
 * Zustimmungsquorum of a municipal Bürgerentscheid: the share of the eligible voters the
 * winning answer must reach (ELECTORAL_LAW.md § 7, after Mehr Demokratie e.V.'s overview).
 * Where the Land grades it by size, {@link #forInhabitants} gives the tier; tiers not found in a
 * statute text are marked [UNV] and must be checked before use.
 */
public enum ApprovalQuorum {
    BADEN_WUERTTEMBERG,
    /** GO Art. 18a Abs. 12: 20 % up to 50,000 inhabitants [V-SEC], 15 % up to 100,000, 10 % above [UNV]. */
    BAYERN,
    BRANDENBURG,
    /** 25 % / 20 % / 15 % by size — tier limits [UNV]; use {@link #of(Rational)} with the municipality's value. */
    HESSEN,
    MECKLENBURG_VORPOMMERN,
    NIEDERSACHSEN,
    /** GO § 26 Abs. 7: 20 % up to 50,000, 15 % up to 100,000, 10 % above [tiers UNV]. */
    NORDRHEIN_WESTFALEN,
    RHEINLAND_PFALZ,
    SAARLAND,
    SACHSEN_ANHALT;

    /** The quorum for a municipality of this many inhabitants. */
    public Rational forInhabitants(long inhabitants) {
        return switch (this) {
            case BADEN_WUERTTEMBERG, NIEDERSACHSEN, SACHSEN_ANHALT -> Rational.of(20, 100);
            case BRANDENBURG, MECKLENBURG_VORPOMMERN -> Rational.of(25, 100);
            case RHEINLAND_PFALZ -> Rational.of(15, 100);
            case SAARLAND -> Rational.of(30, 100);
            case BAYERN, NORDRHEIN_WESTFALEN -> inhabitants <= 50_000 ? Rational.of(20, 100)
                    : inhabitants <= 100_000 ? Rational.of(15, 100) : Rational.of(10, 100);
            case HESSEN -> throw new UnsupportedOperationException(
                    "Hessen's size tiers are not verified; pass the quorum explicitly");
        };
    }

    /** An explicit quorum (Sachsen, Schleswig-Holstein, Thüringen, Hessen: graded, set per municipality). */
    public static Rational of(Rational share) {
        return share;
    }
}
