package de.wahlwerk.core.projection;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One unit's numbers as far as the projection needs them: eligible voters (A; 0 for postal
 * districts, which have no roll), voters (B) and the valid votes of the projected vote kind per
 * group key (party short name, the same key in both elections).
 */
public record Observation(long eligible, long voters, Map<String, Long> votes) {

    public Observation {
        if (eligible < 0 || voters < 0) {
            throw new IllegalArgumentException("negative count");
        }
        for (Long v : votes.values()) {
            if (v == null || v < 0) {
                throw new IllegalArgumentException("votes must be non-negative numbers");
            }
        }
        votes = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(votes, "votes")));
    }

    public long valid() {
        long sum = 0;
        for (long v : votes.values()) {
            sum = Math.addExact(sum, v);
        }
        return sum;
    }

    public long votes(String group) {
        return votes.getOrDefault(group, 0L);
    }

    /** Sum of several observations (e.g. all postal districts of the previous election). */
    public static Observation sum(Iterable<Observation> all) {
        long a = 0;
        long b = 0;
        Map<String, Long> v = new TreeMap<>();
        for (Observation o : all) {
            a = Math.addExact(a, o.eligible);
            b = Math.addExact(b, o.voters);
            o.votes.forEach((g, n) -> v.merge(g, n, Math::addExact));
        }
        return new Observation(a, b, v);
    }
}
