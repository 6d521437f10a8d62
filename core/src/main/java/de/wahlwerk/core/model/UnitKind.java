package de.wahlwerk.core.model;

/** The two kinds of reporting unit. */
public enum UnitKind {
    /** Wahlbezirk: votes in person at a polling station and has its own roll (A1–A3). */
    POLLING,
    /** Briefwahlbezirk: counts postal ballots, has no roll; all its voters hold a polling card (B = B1). */
    POSTAL
}
