package de.wahlwerk.core.check;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-candidate numbers of one list in a cumulative election (field letters D&lt;p&gt;_&lt;n&gt;).
 *
 * @param listOnlyVotes  votes given to the list as such and not attributed to a candidate (Länder
 *                       such as Niedersachsen let voters vote for a list); null where the law has
 *                       none, e.g. Bavaria, where a list cross is distributed to the candidates
 * @param candidateVotes votes per candidate, keyed by the candidate's position on the list; a null
 *                       value means "not entered"
 */
public record CumulativeList(Long listOnlyVotes, Map<Integer, Long> candidateVotes) {

    public CumulativeList {
        candidateVotes = Collections.unmodifiableMap(new LinkedHashMap<>(candidateVotes));
    }
}
