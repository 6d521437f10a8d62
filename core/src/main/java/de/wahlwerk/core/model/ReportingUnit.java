package de.wahlwerk.core.model;

/**
 * A polling or postal district: the leaf every result is built from.
 *
 * @param pollingStationId only for polling districts
 * @param countedWithUnitId set when this small district's ballots are counted with a neighbour
 *                          to protect the secrecy of the vote
 */
public record ReportingUnit(
        long id,
        long electionDayId,
        UnitKind kind,
        String officialKey,
        String name,
        Long pollingStationId,
        Long countedWithUnitId) {}
