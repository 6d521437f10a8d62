package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.arith.Rational;

/**
 * Whether a party takes part in the seat distribution, and why.
 *
 * @param share           its share of all valid second votes
 * @param constituencyWins Wahlkreise where its candidate had the most first votes
 */
public record ThresholdDecision(String party, long secondVotes, Rational share, int constituencyWins,
        boolean minority, Reason reason) {

    public enum Reason {
        /** at least 5 % of the valid second votes (BWG § 4 Abs. 2 S. 2 Nr. 2) */
        FIVE_PERCENT,
        /** below 5 % but at least three constituency pluralities (Grundmandatsklausel; BVerfG 2 BvF 1/23 for 2025) */
        CONSTITUENCY_SEAT_EXEMPTION,
        /** party of a national minority (BWG § 4 Abs. 2 S. 3) */
        NATIONAL_MINORITY,
        /** excluded */
        BELOW_THRESHOLD
    }

    public boolean admitted() {
        return reason != Reason.BELOW_THRESHOLD;
    }
}
