package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;

/**
 * Walks the nominations of a report that also have a number in reference counts, with both
 * shares, when both valid totals are large enough for a share to mean something.
 */
final class ShareComparison {

    /** One nomination compared. */
    record Pair(VoteKind kind, Letters letters, int position, long votes, long valid, long refVotes, long refValid) {

        Rational share() {
            return Ratios.of(votes, valid);
        }

        Rational refShare() {
            return Ratios.of(refVotes, refValid);
        }

        String field() {
            return letters.nomination(position);
        }
    }

    interface Visitor {
        void visit(Pair pair);
    }

    private ShareComparison() {}

    static void forEach(ReportInput in, Sheet sheet, Counts reference, Visitor visitor) {
        if (reference == null) {
            return;
        }
        long min = in.thresholds().minVotesForShare();
        for (VoteKind kind : in.voteKinds()) {
            VoteCounts ref = reference.votes(kind);
            if (kind == VoteKind.YES_NO || ref == null || ref.valid() == null || ref.valid() < min) {
                continue;
            }
            Letters l = Letters.of(kind);
            Long valid = sheet.usable(l.valid());
            if (valid == null || valid < min) {
                continue;
            }
            for (int p : in.ballot().get(kind)) {
                Long v = sheet.usable(l.nomination(p));
                Long r = ref.votesFor(p);
                if (v != null && r != null && r >= 0) {
                    visitor.visit(new Pair(kind, l, p, v, valid, r, ref.valid()));
                }
            }
        }
    }
}
