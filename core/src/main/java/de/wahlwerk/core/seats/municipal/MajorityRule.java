package de.wahlwerk.core.seats.municipal;

/**
 * What a Land's municipal law does when a list with more than half of the valid votes does not
 * get more than half of the seats (ELECTORAL_LAW.md § 1.4).
 */
public enum MajorityRule {
    /** No majority clause (or none verified). */
    NONE,
    /**
     * The list receives further seats until it holds one more than half; the body grows by as many.
     * Schleswig-Holstein GKWG § 10 Abs. 5 (wording quoted by the municipality of Lägerdorf, 2023:
     * 17 → 19 seats) [V-SEC].
     */
    GROW,
    /**
     * The list "zunächst" receives one further seat; the seats still to be given are again
     * allocated by the method. The body keeps its size. Sachsen KomWG § 21 Abs. 1 S. 5 (statute
     * text via Wolters Kluwer) [V-SEC]; that "danach noch zu vergebende Sitze" means the remaining
     * seats among the other lists is our reading [UNV]. NRW KWahlG § 33 Abs. 4 "Zusatzmandat":
     * the Innenministerium (mik.nrw.de, "Divisorverfahren zur Berechnung und Verteilung der Sitze")
     * describes the same effect — size unchanged, in principle the other party with the weakest
     * rounded-up seat loses one — [V-SEC]; the statute's wording was not found [UNV].
     */
    ONE_MORE_FIXED,
    /**
     * Hare/Niemeyer: of the seats given by remainders, the list first ("vorab") receives one
     * further seat; the other remainder seats go by the remainders (ties: lot). The body keeps its
     * size. Niedersachsen NKWG § 36 Abs. 3 (voris, the Land's law portal, version with
     * Hare/Niemeyer) [V-OFF wording; the date of the stored version is not shown]. Hessen KWG
     * § 22 Abs. 4 ("so sind die nach Zahlenbruchteilen zu vergebenden Sitze abweichend von Abs. 3 …",
     * the rest of the sentence not read; the list "erhielt vorab einen zusätzlichen Sitz nach der sog.
     * Mehrheitsklausel", BVerwG press release 32/2010) [V-SEC]. See {@link RemainderSeatFirst}.
     */
    REMAINDER_SEAT_FIRST
}
