package de.wahlwerk.server.results;

import de.wahlwerk.core.model.VoteKind;
import java.util.Map;

/**
 * One area's result as a seat calculation reads it, whether from the database or straight from a
 * file: level and official key, the parent's key, valid votes per vote kind and votes per group
 * (party short name, {@code EB:<name>} for an independent, or {@code #<position>}).
 */
record ResultRecord(String level, String key, String parentKey, String name, Map<VoteKind, Long> valid,
        Map<VoteKind, Map<String, Long>> votes) {

    Map<String, Long> votes(VoteKind kind) {
        return votes.getOrDefault(kind, Map.of());
    }
}
