package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteCounts;

/**
 * The answers to one question of a referendum (Bürgerentscheid), fields Q&lt;n&gt;.yes, .no, .invalid.
 * A tie-break question (Stichfrage) is one more question whose two answers are stored as yes/no.
 */
public record ReferendumQuestion(int number, Long yes, Long no, Long invalid) {

    public ReferendumQuestion {
        if (number < 1) {
            throw new IllegalArgumentException("question numbers start at 1: " + number);
        }
    }

    /** From the counts a votemanager referendum file gives (positions 1 and 2 the answers). */
    public static ReferendumQuestion of(int number, VoteCounts votes) {
        return new ReferendumQuestion(number, votes.votesFor(1), votes.votesFor(2), votes.invalid());
    }

    public String field() {
        return "Q" + number;
    }
}
