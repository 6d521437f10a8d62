package de.wahlwerk.core.pollworkers;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Orders the people who could fill a gap on a board. Assessors should come from the eligible
 * voters of the municipality, where possible of the district itself (§ 6 Abs. 2 BWO), and a short
 * way to the polling station makes a last-minute replacement realistic: so nearest first — lives
 * in the district, then votes in the same polling station, then same postal code — and among equals
 * those with experience (earlier boards) and then by name.
 */
public final class Replacements {

    /** How close a person lives to the board's district. Lower is nearer. */
    public enum Nearness { SAME_DISTRICT, SAME_STATION, SAME_POSTAL_CODE, ELSEWHERE }

    /**
     * One possible replacement.
     *
     * @param homeUnitId    the polling district the person votes in (from the roll), or null
     * @param homeStationId that district's polling station, or null
     * @param boardsServed  earlier boards the person served on (confirmed)
     */
    public record Candidate(long workerId, String sortName, Long homeUnitId, Long homeStationId, String postalCode,
            int boardsServed) {}

    /** The board to fill. */
    public record Target(long unitId, Long stationId, String stationPostalCode) {}

    private Replacements() {}

    public static Nearness nearness(Target t, Candidate c) {
        if (c.homeUnitId() != null && c.homeUnitId() == t.unitId()) {
            return Nearness.SAME_DISTRICT;
        }
        if (t.stationId() != null && Objects.equals(c.homeStationId(), t.stationId())) {
            return Nearness.SAME_STATION;
        }
        if (t.stationPostalCode() != null && t.stationPostalCode().equals(c.postalCode())) {
            return Nearness.SAME_POSTAL_CODE;
        }
        return Nearness.ELSEWHERE;
    }

    /** The candidates, nearest and most experienced first. */
    public static List<Candidate> rank(Target t, List<Candidate> candidates, int limit) {
        return candidates.stream()
                .sorted(Comparator.comparing((Candidate c) -> nearness(t, c))
                        .thenComparing(Comparator.comparingInt(Candidate::boardsServed).reversed())
                        .thenComparing(Candidate::sortName)
                        .thenComparingLong(Candidate::workerId))
                .limit(limit)
                .toList();
    }
}
