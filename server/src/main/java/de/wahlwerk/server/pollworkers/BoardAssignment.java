package de.wahlwerk.server.pollworkers;

import de.wahlwerk.core.pollworkers.AssignmentStatus;
import de.wahlwerk.core.pollworkers.BoardRole;
import java.time.Instant;
import java.time.LocalDate;

/** One appointment of a worker to the board of a unit on a day (kept as history after the day). */
public record BoardAssignment(long id, long workerId, Long electionDayId, Long unitId, LocalDate dayDate, String dayName,
        String unitKey, String unitName, BoardRole role, AssignmentStatus status, String statusReason, Instant statusAt,
        String statusBy, Instant tokenExpires) {}
