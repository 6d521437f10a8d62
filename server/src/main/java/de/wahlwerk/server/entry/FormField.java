package de.wahlwerk.server.entry;

/**
 * One box of the quick-report form: its letter (A1, B, D3 …), what it means and, for votes per
 * nomination, the nomination's ballot position and name.
 *
 * @param section the block of the paper form the field belongs to (roll, voters, a vote kind)
 * @param candidatePosition for council elections with cumulating: the candidate's list position
 */
public record FormField(String letter, String labelKey, String section, Integer ballotPosition, String nominationName,
        Integer candidatePosition) {

    public FormField(String letter, String labelKey, String section, Integer ballotPosition, String nominationName) {
        this(letter, labelKey, section, ballotPosition, nominationName, null);
    }

    /** A council candidate's personal votes (D&lt;list&gt;_&lt;position&gt;), not a list total. */
    public boolean isCandidate() {
        return candidatePosition != null;
    }
}
