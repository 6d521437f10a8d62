package de.wahlwerk.core.model;

/**
 * A node in one area hierarchy (state, county, municipality, constituency …), keyed by its
 * official key within that hierarchy.
 */
public record Area(long id, long electionDayId, String hierarchy, AreaLevel level, String officialKey,
        String name, Long parentId) {}
