package de.wahlwerk.core.model;

/**
 * Wahlvorschlag: a party's or group's list, or a single candidate's nomination, on the ballot of
 * one vote kind. {@code areaId} narrows where it stands (a Landesliste stands in one state, a
 * constituency nomination in one constituency); null means the whole election.
 */
public record Nomination(
        long id,
        long electionId,
        VoteKind voteKind,
        Long areaId,
        int ballotPosition,
        String shortName,
        String name,
        GroupKind groupKind) {}
