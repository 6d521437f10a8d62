package de.wahlwerk.server.entry;

/** Life of a report version. Only CONFIRMED versions count anywhere. */
public enum ReportStatus {
    /** Entered, waiting for the second person. */
    PENDING,
    /** The version that counts for its unit (until a confirmed correction supersedes it). */
    CONFIRMED,
    /** Double entry: the second, identical entry that confirmed the first. */
    MATCHED,
    /** Turned down by the approver (with reason). */
    REJECTED,
    /** Replaced by a newer version (a newer entry, or a confirmed correction). */
    SUPERSEDED
}
