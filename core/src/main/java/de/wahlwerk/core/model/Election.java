package de.wahlwerk.core.model;

/**
 * One election on an election day.
 *
 * @param seats             seats to fill (null for offices and referendums)
 * @param votesPerVoter     votes per voter for cumulative voting (e.g. 50 for a Stadtrat of 50), else null
 * @param maxVotesPerCandidate cumulation cap (3 in Bavaria, Art. 34 GLKrWG), else null
 * @param hierarchy         the electoral hierarchy its constituencies live in (null if it has none)
 */
public record Election(
        long id,
        long electionDayId,
        ElectionKind kind,
        String name,
        Integer seats,
        Integer votesPerVoter,
        Integer maxVotesPerCandidate,
        String hierarchy) {}
