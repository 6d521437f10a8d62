package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.VoteKind;
import java.util.List;
import java.util.Map;

/**
 * The vote kinds and group keys of the whole election, each with a dense global index (groups
 * sorted by key). Shared by every area's {@link Layout}; areas store only the groups standing
 * below them, addressed by these global indexes.
 */
record ElectionKeys(List<VoteKind> kinds, Map<VoteKind, Integer> kindIndex, List<String> groups,
        Map<String, Integer> groupIndex) {

    /** Index of the kind in {@link #kinds()}; throws if the election has no such vote. */
    int kind(VoteKind kind) {
        Integer k = kindIndex.get(kind);
        if (k == null) {
            throw new IllegalArgumentException("this election has no " + kind + " vote");
        }
        return k;
    }

    /** Global index of the group; throws if no ballot of the election has it. */
    int group(String group) {
        Integer g = groupIndex.get(group);
        if (g == null) {
            throw new IllegalArgumentException("unknown group: " + group);
        }
        return g;
    }
}
