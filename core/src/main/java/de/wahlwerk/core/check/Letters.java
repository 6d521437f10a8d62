package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteKind;

/**
 * The form letters of one vote kind on the quick report (Anlage 29 BWO): first vote C/D/D1…Dn,
 * second vote E/F/F1…Fn; single-vote ballots and council elections use C/D/D1…Dn.
 *
 * @param invalid the letter of invalid votes (council elections: invalid ballots)
 * @param valid   the letter of valid votes
 * @param prefix  the letter before a nomination's ballot position
 * @param name    the vote kind's name for messages
 */
record Letters(String invalid, String valid, String prefix, Term name) {

    static Letters of(VoteKind kind) {
        return switch (kind) {
            case SECOND -> new Letters("E", "F", "F", new Term("vote.SECOND"));
            case FIRST, LIST, CANDIDATE, CUMULATIVE, YES_NO -> new Letters("C", "D", "D", new Term("vote." + kind));
        };
    }

    String nomination(int position) {
        return prefix + position;
    }

    static String candidate(int list, int position) {
        return "D" + list + "_" + position;
    }

    static String listOnly(int list) {
        return "D" + list + "_list";
    }
}
