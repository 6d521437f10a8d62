package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import java.util.Map;
import java.util.TreeMap;

/** Test helper: every number of a row under a readable label, to compare rows of different files. */
final class Flatten {

    private Flatten() {}

    static Map<String, Long> of(ResultRow row) {
        Map<String, Long> m = new TreeMap<>();
        Counts c = row.counts();
        put(m, "A1", c.eligibleNoCard());
        put(m, "A2", c.eligibleWithCard());
        put(m, "A3", c.eligibleAdded());
        put(m, "A", c.eligible());
        put(m, "B", c.voters());
        put(m, "B1", c.votersWithCard());
        c.votes().forEach((kind, v) -> {
            put(m, kind + ".invalid", v.invalid());
            put(m, kind + ".valid", v.valid());
            v.perNomination().forEach((pos, n) -> put(m, kind + "." + pos, n));
        });
        CumulativeDetails d = row.cumulative();
        if (d != null) {
            put(m, "E", d.ballotsCast());
            put(m, "unchanged", d.unchangedTotal());
            put(m, "changed", d.changedTotal());
            d.unchangedBallots().forEach((p, n) -> put(m, "unchanged." + p, n));
            d.changedBallots().forEach((p, n) -> put(m, "changed." + p, n));
            d.candidateVotes().forEach((ref, n) -> put(m, "cand." + ref.listPosition() + "_" + ref.candidatePosition(), n));
        }
        return m;
    }

    /** Column sums over rows; an empty cell counts as 0 in a sum. */
    static Map<String, Long> sum(Iterable<ResultRow> rows) {
        Map<String, Long> total = new TreeMap<>();
        for (ResultRow r : rows) {
            of(r).forEach((k, v) -> total.merge(k, v == null ? 0 : v, Math::addExact));
        }
        return total;
    }

    static Map<String, Long> zeroForNull(Map<String, Long> m) {
        Map<String, Long> r = new TreeMap<>();
        m.forEach((k, v) -> r.put(k, v == null ? 0 : v));
        return r;
    }

    private static void put(Map<String, Long> m, String k, Long v) {
        m.put(k, v);
    }

    static long total(Iterable<ResultRow> rows, java.util.function.Function<ResultRow, Long> f) {
        long s = 0;
        for (ResultRow r : rows) {
            Long v = f.apply(r);
            s = Math.addExact(s, v == null ? 0 : v);
        }
        return s;
    }

    static VoteCounts votes(ResultRow r, de.wahlwerk.core.model.VoteKind k) {
        return r.counts().votes(k);
    }
}
