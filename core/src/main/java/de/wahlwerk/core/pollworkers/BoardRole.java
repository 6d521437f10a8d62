package de.wahlwerk.core.pollworkers;

/**
 * The functions on an electoral board (Wahlvorstand, Briefwahlvorstand). § 9 Abs. 2 Satz 3 BWG: the board
 * chair (Wahlvorsteher) presides, the deputy (Stellvertreter) stands in, and three to seven
 * further assessors (Beisitzer) complete it; § 6 Abs. 4 BWO: the secretary (Schriftführer) is
 * chosen from the assessors, so a secretary counts as one of them. (The secretary's deputy is an
 * assessor named on the day; it is not tracked as a role.)
 */
public enum BoardRole {
    CHAIR, DEPUTY_CHAIR, SECRETARY, ASSESSOR;

    /** Roles held by exactly one person per board. */
    public boolean single() {
        return this != ASSESSOR;
    }
}
