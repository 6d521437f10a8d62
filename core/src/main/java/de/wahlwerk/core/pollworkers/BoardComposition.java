package de.wahlwerk.core.pollworkers;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many members a board needs. Federal law (§ 9 Abs. 2 Satz 3 BWG, § 6 BWO; postal boards § 7 BWO):
 * one chair, one deputy and three to seven further assessors, one of whom the chair makes
 * secretary (§ 6 Abs. 4 BWO). The Länder may differ for Landtag and municipal elections (their own
 * election laws and regulations), and the office decides within the range how many it appoints —
 * hence {@code assessors} is set per election day and unit kind.
 *
 * @param assessors assessors to appoint including the secretary
 */
public record BoardComposition(int assessors) {

    /** Federal range of assessors besides chair and deputy (§ 9 Abs. 2 Satz 3 BWG). */
    public static final int FEDERAL_MIN_ASSESSORS = 3;
    public static final int FEDERAL_MAX_ASSESSORS = 7;
    /** What the office may configure at all: wider than federal law, because Land law may differ. */
    public static final int MIN_ASSESSORS = 1;
    public static final int MAX_ASSESSORS = 12;

    /** The federal minimum: chair, deputy, secretary and two more assessors. */
    public static final BoardComposition FEDERAL_MINIMUM = new BoardComposition(FEDERAL_MIN_ASSESSORS);

    public BoardComposition {
        if (assessors < MIN_ASSESSORS || assessors > MAX_ASSESSORS) {
            throw new IllegalArgumentException("assessors must be " + MIN_ASSESSORS + "…" + MAX_ASSESSORS);
        }
    }

    /** Whether the number lies in the federal range; outside it only Land law may allow it. */
    public boolean withinFederalRange() {
        return assessors >= FEDERAL_MIN_ASSESSORS && assessors <= FEDERAL_MAX_ASSESSORS;
    }

    public int members() {
        return 2 + assessors;
    }

    /** Required people per role: the secretary is one of the assessors (§ 6 Abs. 4 BWO). */
    public Map<BoardRole, Integer> required() {
        Map<BoardRole, Integer> m = new EnumMap<>(BoardRole.class);
        m.put(BoardRole.CHAIR, 1);
        m.put(BoardRole.DEPUTY_CHAIR, 1);
        m.put(BoardRole.SECRETARY, 1);
        m.put(BoardRole.ASSESSOR, assessors - 1);
        return m;
    }

    /** Missing people per role (only roles with a gap) given the roles of the active members. */
    public Map<BoardRole, Integer> gaps(Collection<BoardRole> activeRoles) {
        Map<BoardRole, Integer> held = new EnumMap<>(BoardRole.class);
        activeRoles.forEach(r -> held.merge(r, 1, Integer::sum));
        Map<BoardRole, Integer> gaps = new EnumMap<>(BoardRole.class);
        required().forEach((role, need) -> {
            int missing = need - held.getOrDefault(role, 0);
            if (missing > 0) {
                gaps.put(role, missing);
            }
        });
        return gaps;
    }

    /**
     * Whether the role can still be filled: single roles once; assessors also beyond the number set
     * (offices appoint reserves), up to {@link #MAX_ASSESSORS}.
     */
    public boolean hasRoomFor(BoardRole role, Collection<BoardRole> activeRoles) {
        long held = activeRoles.stream().filter(r -> r == role).count();
        return role.single() ? held == 0 : held < MAX_ASSESSORS;
    }
}
