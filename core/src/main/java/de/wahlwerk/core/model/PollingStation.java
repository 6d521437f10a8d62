package de.wahlwerk.core.model;

/**
 * Wahlraum: where a polling district votes, and whom to call there.
 *
 * @param areaId the area (usually the municipality) whose office runs the station
 */
public record PollingStation(
        long id,
        long electionDayId,
        long areaId,
        String stationKey,
        String name,
        String street,
        String postalCode,
        String city,
        boolean stepFree,
        String chairName,
        String chairPhone) {}
