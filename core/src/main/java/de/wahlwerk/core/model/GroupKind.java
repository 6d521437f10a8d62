package de.wahlwerk.core.model;

/** Who stands behind a nomination. */
public enum GroupKind {
    PARTY,
    /** Wählervereinigung / Wählergruppe. */
    VOTERS_ASSOCIATION,
    /** Einzelbewerber: a candidate nominated by voters, not by a party (§ 20 Abs. 3 BWahlG). */
    INDEPENDENT,
    /** An answer to a referendum question (yes/no), so that referendums use the same counts. */
    ANSWER
}
