package de.wahlwerk.core.seats.municipal;

/** How the seats of a list go to its candidates. */
public enum Ranking {
    /** open list: by personal votes (cumulating / cross-list voting) */
    PERSONAL_VOTES,
    /** bound list: in list order (NRW, Saarland, Schleswig-Holstein; direct winners are not modelled here) */
    LIST_ORDER
}
