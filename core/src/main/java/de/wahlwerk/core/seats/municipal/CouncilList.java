package de.wahlwerk.core.seats.municipal;

import java.util.List;

/**
 * A Wahlvorschlag (list) in a council election.
 *
 * @param id         list key, e.g. party short name
 * @param votes      votes of the list: in cumulative-vote Länder the sum of its candidates' votes
 *                   (e.g. GLKrWG Art. 35 Abs. 1), elsewhere the list votes
 * @param candidates candidates in list order (list position 1 first)
 */
public record CouncilList(String id, long votes, List<CouncilCandidate> candidates) {

    public CouncilList {
        candidates = List.copyOf(candidates);
    }

    /** A list whose votes are the sum of its candidates' personal votes. */
    public static CouncilList ofCandidates(String id, List<CouncilCandidate> candidates) {
        return new CouncilList(id, candidates.stream().mapToLong(CouncilCandidate::votes).sum(), candidates);
    }
}
