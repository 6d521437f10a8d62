package de.wahlwerk.server.entry;

/**
 * How an election takes its reports.
 *
 * @param twoPersonMode APPROVAL (entry + approval by someone else) or DOUBLE_ENTRY (two people
 *                      enter independently; equal entries confirm, differences go to an approver)
 * @param thresholds    plausibility thresholds as "key=value" lines; null = defaults
 * @param rehearsal     reports are accepted before polls close (rehearsal copy of an election)
 * @param rehearsalOf   for a rehearsal copy: the election it rehearses
 */
public record EntrySettings(long electionId, TwoPersonMode twoPersonMode, String thresholds, boolean rehearsal,
        Long rehearsalOf) {

    public EntrySettings(long electionId, TwoPersonMode twoPersonMode, String thresholds, boolean rehearsal) {
        this(electionId, twoPersonMode, thresholds, rehearsal, null);
    }

    /** The election whose previous results and real reports this one stands for. */
    public long comparisonElection() {
        return rehearsalOf != null ? rehearsalOf : electionId;
    }

    public enum TwoPersonMode { APPROVAL, DOUBLE_ENTRY }
}
