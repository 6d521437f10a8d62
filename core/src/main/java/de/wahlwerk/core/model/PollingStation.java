package de.wahlwerk.core.model;

/** Wahlraum: where a polling district votes, and whom to call there. */
public record PollingStation(
        long id,
        long electionDayId,
        String name,
        String street,
        String postalCode,
        String city,
        boolean stepFree,
        String chairName,
        String chairPhone) {}
