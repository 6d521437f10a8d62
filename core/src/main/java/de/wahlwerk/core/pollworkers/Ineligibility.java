package de.wahlwerk.core.pollworkers;

/**
 * Why a person may not (or may not yet be known to) serve on a board. Stable codes, shown with a
 * text from the message bundle ({@code pollworkers.reason.CODE}).
 */
public enum Ineligibility {
    /** Younger than 18 on election day: members must be eligible voters (§ 9 Abs. 2 Satz 3 BWG: Wahlberechtigte; § 12 BWG). */
    UNDER_AGE(true),
    /** Found in the register but not eligible (or struck from the roll) for one of the day's elections. */
    NOT_ELIGIBLE(true),
    /** Not found in the roll of one of the day's elections (name and date of birth, or register id). */
    NOT_ON_ROLL(true),
    /** No roll built yet for one of the day's elections: eligibility cannot be checked yet. */
    ROLL_MISSING(false),
    /**
     * A candidate of an election of the day (§ 9 Abs. 3 Satz 2 BWG: Wahlbewerber, Vertrauenspersonen
     * und stellvertretende Vertrauenspersonen dürfen nicht zu Mitgliedern eines Wahlorgans bestellt
     * werden). Matched by name and, where the nomination gives it, year of birth. Substitute
     * candidates (Ersatzbewerber, Land law) are checked the same way once nominations carry them.
     */
    CANDIDATE(true),
    /** Already on another board of the same day: nobody may sit on two boards (§ 9 Abs. 3 Satz 1 BWG). */
    OTHER_BOARD(true);

    private final boolean blocking;

    Ineligibility(boolean blocking) {
        this.blocking = blocking;
    }

    /** Blocking reasons forbid an assignment; the others are shown as warnings. */
    public boolean blocking() {
        return blocking;
    }
}
