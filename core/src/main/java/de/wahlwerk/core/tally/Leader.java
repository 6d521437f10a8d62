package de.wahlwerk.core.tally;

import java.util.List;

/**
 * Who leads by votes of one kind in an area. For a complete constituency and first votes this is
 * the winner; a tie is reported as such, because the law decides it by lot (§ 5 BWahlG), not us.
 */
public sealed interface Leader {

    /** No valid votes yet. */
    record None() implements Leader {}

    record Single(String group, long votes) implements Leader {}

    /** Two or more groups share the highest number of votes; sorted by group key. */
    record Tie(List<String> groups, long votes) implements Leader {
        public Tie {
            groups = List.copyOf(groups);
        }
    }
}
