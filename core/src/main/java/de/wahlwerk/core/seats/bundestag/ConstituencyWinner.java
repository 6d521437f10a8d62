package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.arith.Rational;

/**
 * The candidate with the most first votes in a Wahlkreis, with the Erststimmenanteil
 * (first votes / valid first votes of the Wahlkreis) that ranks winners for coverage.
 */
public record ConstituencyWinner(Constituency constituency, ConstituencyCandidate candidate, boolean byLot) {

    public Rational share() {
        return Rational.of(candidate.firstVotes(), constituency.validFirstVotes());
    }
}
