package de.wahlwerk.server.entry;

import java.util.Map;

/**
 * Whom the office calls when a unit's report is missing: the chair appointed to the unit's board.
 * Implemented by the poll-worker feature, which owns the appointments (so entry does not depend on
 * it); without an appointment the status board falls back to the contact stored with the polling
 * station.
 */
public interface BoardChairs {

    /** The chair's name and phone (phone may be null). */
    record Contact(String name, String phone) {}

    /** Unit id → contact of the chair currently appointed (invited or confirmed), for the units of the day. */
    Map<Long, Contact> chairs(long electionDayId);
}
