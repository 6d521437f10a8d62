package de.wahlwerk.server.setup;

/**
 * The advisory lock on a reporting unit, held until commit. Every change of the unit's quick-report
 * versions takes it ({@code entry.ReportStore.lockUnit}: entering, approving, rejecting), and so
 * does every district edit, before it checks that the unit has no report of its own where the edit
 * would count it with a neighbour (§ 68 Abs. 2 BWO, {@code setup.unit.countedWithHasReport}) or
 * change its kind or areas ({@code setup.unit.movedHasReport}): the check and a report entered or
 * confirmed meanwhile cannot pass each other. One lock per unit for all elections
 * of its day, since a district belongs to every one of them. Here rather than in {@code entry},
 * which depends on {@code setup} and not the other way round.
 * <p>
 * Lock order as in {@link BallotLock}: ballot lock, unit lock, then the audit chain. A district edit
 * takes no ballot lock; it takes the unit lock (after checking the right to edit) before it reads
 * the unit again and touches its rows.
 */
public final class UnitLock {

    /** Key space among advisory locks ("QREP"); two units sharing a key only wait for each other. */
    public static final int KEYS = 0x51524550;

    private UnitLock() {}

    /** The key of a unit within {@link #KEYS}. */
    public static int key(long unitId) {
        return Long.hashCode(unitId);
    }
}
