package de.wahlwerk.core.check;

/** How a finding stops a quick report. */
public enum Severity {
    /** The numbers cannot be right; the report cannot be saved until they are corrected. */
    ERROR,
    /** The numbers are possible but unusual; saving needs a confirmation with a reason. */
    WARNING
}
