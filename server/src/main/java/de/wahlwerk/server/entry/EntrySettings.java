package de.wahlwerk.server.entry;

/**
 * How an election takes its reports.
 *
 * @param twoPersonMode APPROVAL (entry + approval by someone else) or DOUBLE_ENTRY (two people
 *                      enter independently; equal entries confirm, differences go to an approver)
 * @param thresholds    plausibility thresholds as "key=value" lines; null = defaults
 * @param rehearsal     reports are accepted before polls close (rehearsal copy of an election)
 */
public record EntrySettings(long electionId, TwoPersonMode twoPersonMode, String thresholds, boolean rehearsal) {

    public enum TwoPersonMode { APPROVAL, DOUBLE_ENTRY }
}
