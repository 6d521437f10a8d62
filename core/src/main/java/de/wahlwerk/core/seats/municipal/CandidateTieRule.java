package de.wahlwerk.core.seats.municipal;

/** How equal personal votes inside a list are ordered (ELECTORAL_LAW.md § 1.5). */
public enum CandidateTieRule {
    /** the earlier list position goes first (BW KomWG § 26 Abs. 1, Sachsen KomWG § 21 Abs. 2, Sachsen-Anhalt) */
    LIST_ORDER,
    /** lot (Bayern GLKrWG Art. 36) */
    LOT
}
