package de.wahlwerk.core.check;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Field-wise sums of counts (null + x = x), as the server would keep the running municipal totals. */
final class Sums {

    private Sums() {}

    static Counts add(Counts a, Counts b) {
        Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
        for (VoteKind k : VoteKind.values()) {
            VoteCounts x = a.votes(k);
            VoteCounts y = b.votes(k);
            if (x == null && y == null) {
                continue;
            }
            if (x == null || y == null) {
                votes.put(k, x == null ? y : x);
                continue;
            }
            Map<Integer, Long> m = new TreeMap<>(x.perNomination());
            y.perNomination().forEach((p, v) -> m.put(p, add(m.get(p), v)));
            votes.put(k, new VoteCounts(add(x.invalid(), y.invalid()), add(x.valid(), y.valid()), m));
        }
        return new Counts(add(a.eligibleNoCard(), b.eligibleNoCard()), add(a.eligibleWithCard(), b.eligibleWithCard()),
                add(a.eligibleAdded(), b.eligibleAdded()), add(a.eligible(), b.eligible()),
                add(a.voters(), b.voters()), add(a.votersWithCard(), b.votersWithCard()), votes);
    }

    static Long add(Long x, Long y) {
        if (x == null) {
            return y;
        }
        return y == null ? x : Math.addExact(x, y);
    }
}
