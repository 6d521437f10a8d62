package de.wahlwerk.core.formats;

/**
 * The shapes of votemanager / OK.VOTE open-data result files. The vendor uses one column scheme
 * per kind of ballot; which one a file has is told by its header.
 */
public enum VotemanagerLayout {
    /** Bundestag/Landtag: C/D first vote, E/F second vote, D&lt;n&gt;/F&lt;n&gt; per nomination. */
    FIRST_AND_SECOND,
    /** One vote per voter (mayor, county head, also list-only elections): C invalid, D valid, D&lt;n&gt;. */
    SINGLE_VOTE,
    /**
     * Councils with cumulating and cross-list voting: C invalid ballots, D valid votes, E ballots cast,
     * D&lt;p&gt; list totals, D&lt;p&gt;_&lt;n&gt; candidate votes, (un)changed ballot counts.
     */
    CUMULATIVE,
    /** Referendum: C01/C02 the two answers, C03 invalid, C04 valid (derived from the sums in published files). */
    REFERENDUM
}
