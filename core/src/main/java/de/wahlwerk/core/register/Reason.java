package de.wahlwerk.core.register;

/**
 * Why a resident is not on the roll. Stable codes: the office reads them out when a refusal must
 * be explained, and they are stored with every decision.
 */
public enum Reason {
    /** Younger than the voting age on election day. */
    TOO_YOUNG,
    /** Not German, but the election needs German citizenship (Art. 116 GG). */
    NOT_GERMAN,
    /** Neither German nor a citizen of another EU member state. */
    NOT_GERMAN_OR_EU,
    /** Lived in the electoral area for less than the required period before election day. */
    RESIDENCE_TOO_SHORT,
    /** Registered here with a secondary residence only (Nebenwohnung). */
    SECONDARY_RESIDENCE,
    /** Excluded from voting by a judgement (Wahlrechtsausschluss). */
    EXCLUDED,
    /** Moved in after the cut-off date; can only be added on application. */
    REGISTERED_AFTER_CUTOFF
}
