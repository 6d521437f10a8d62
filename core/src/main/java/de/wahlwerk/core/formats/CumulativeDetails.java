package de.wahlwerk.core.formats;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers a council election (cumulating and cross-list voting) reports beyond the list totals.
 * Map values may be null for an empty cell.
 *
 * @param ballotsCast       E: ballots cast (C counts invalid ballots, D valid votes, so neither is ballots)
 * @param unchangedBallots  D&lt;p&gt;_unveraendert per list position: ballots marking only the list
 * @param changedBallots    D&lt;p&gt;_veraendert per list position: ballots with changes only within list p
 * @param unchangedTotal    Summe_unveraendert
 * @param changedTotal      Summe_veraendert
 * @param candidateVotes    D&lt;p&gt;_&lt;n&gt;: votes per candidate, in column order
 */
public record CumulativeDetails(Long ballotsCast, Map<Integer, Long> unchangedBallots,
        Map<Integer, Long> changedBallots, Long unchangedTotal, Long changedTotal,
        Map<CandidateRef, Long> candidateVotes) {

    public CumulativeDetails {
        unchangedBallots = Collections.unmodifiableMap(new LinkedHashMap<>(unchangedBallots));
        changedBallots = Collections.unmodifiableMap(new LinkedHashMap<>(changedBallots));
        candidateVotes = Collections.unmodifiableMap(new LinkedHashMap<>(candidateVotes));
    }

    /** A candidate by list ballot position and position on that list. */
    public record CandidateRef(int listPosition, int candidatePosition) {}

    public Long votesFor(int listPosition, int candidatePosition) {
        return candidateVotes.get(new CandidateRef(listPosition, candidatePosition));
    }
}
