package de.wahlwerk.core.pollworkers;

import java.util.Set;

/**
 * Where a poll worker's appointment to a board stands. Invited by the office, then confirmed or
 * declined by the worker (or for them by the office); a confirmed or invited appointment may be
 * cancelled (illness, a move, replaced). Declined and cancelled are final: a new invitation is a
 * new assignment, so the history shows every step.
 */
public enum AssignmentStatus {
    INVITED, CONFIRMED, DECLINED, CANCELLED;

    /** Whether the person still holds the seat on the board (counts towards the board and blocks another board). */
    public boolean active() {
        return this == INVITED || this == CONFIRMED;
    }

    public boolean canBecome(AssignmentStatus next) {
        return switch (this) {
            case INVITED -> Set.of(CONFIRMED, DECLINED, CANCELLED).contains(next);
            case CONFIRMED -> next == CANCELLED || next == DECLINED;
            case DECLINED, CANCELLED -> false;
        };
    }
}
