package de.wahlwerk.core.model;

/**
 * The kinds of vote a ballot can carry. The form letters of the quick report follow them:
 * first vote C/D/D1…Dn, second vote E/F/F1…Fn (Anlage 29 BWO); single-vote elections use C/D.
 */
public enum VoteKind {
    /** Erststimme: one vote for a constituency candidate (§ 4 BWahlG). */
    FIRST,
    /** Zweitstimme: one vote for a party list (§ 4 BWahlG). */
    SECOND,
    /** One vote for a list, e.g. Europawahl (§ 2 EuWG). */
    LIST,
    /** One vote for a person, e.g. mayor or county head. */
    CANDIDATE,
    /** Several votes with cumulating and cross-list voting (municipal and county councils). */
    CUMULATIVE,
    /** Yes/no per question (referendum). */
    YES_NO;

    /** Whether the vote is given to candidates of nominations rather than to lists. */
    public boolean isPersonal() {
        return this == FIRST || this == CANDIDATE;
    }
}
