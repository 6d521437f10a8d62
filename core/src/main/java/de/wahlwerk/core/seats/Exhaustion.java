package de.wahlwerk.core.seats;

/** What happens to seats beyond the number of candidates on a list (ELECTORAL_LAW.md § 1.5). */
public enum Exhaustion {
    /**
     * The seats stay vacant: Bundestag (BWG § 6 Abs. 4 S. 3), Bayern (GLKrWG Art. 35 Abs. 3),
     * Thüringen (ThürKWG § 22 Abs. 4), Mecklenburg-Vorpommern.
     */
    VACANT,
    /**
     * The method continues among the other lists: Saarland ("Fortführung des
     * Höchstzahlverfahrens", KWG § 41).
     */
    REDISTRIBUTE
}
