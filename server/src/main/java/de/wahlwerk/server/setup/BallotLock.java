package de.wahlwerk.server.setup;

/**
 * The advisory lock on an election's ballot, held until commit. Reports, confirmed or waiting for
 * approval, hold their votes by ballot position (D1, F3 …) and, in a council election, by list
 * position (D1_2 …), so a nomination holding such votes must keep its position, vote kind and area
 * ({@code setup.nomination.hasVotes}, {@code hasPendingVotes}) and a candidate its list position
 * ({@code setup.candidate.hasVotes}). That check and an entry or confirmation must not pass each
 * other: every change of a unit's report versions takes this lock <em>shared</em>, in the same
 * statement as the unit's lock ({@code entry.ReportStore.lockUnit}, so the approval path gets no
 * extra round trip and approvals never wait for each other here), and an entry takes it before it
 * reads the form; a nomination or candidate edit takes it <em>exclusive</em> before it reads what
 * it edits and checks for votes, so it waits for entries and confirmations in flight and sees
 * them, and those arriving meanwhile wait for the edit and then see the new ballot.
 * <p>
 * Lock order, in every path: ballot lock, then unit lock, then the audit chain, then the report
 * sequence. A nomination or candidate edit takes the ballot lock and then only the audit chain.
 */
public final class BallotLock {

    /** Key space among advisory locks ("BALL"); two elections sharing a key only wait for each other. */
    public static final int KEYS = 0x42414C4C;

    private BallotLock() {}

    /** The key of an election within {@link #KEYS}. */
    public static int key(long electionId) {
        return Long.hashCode(electionId);
    }
}
