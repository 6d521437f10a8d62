package de.wahlwerk.server.results;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.Part;
import de.wahlwerk.core.tally.PartTotals;
import java.util.List;

/**
 * What the internal results page shows for one area: the numbers of each part (in person,
 * postal, all), votes and shares per group with the change against the previous election where
 * the area existed then, and the sub-areas to drill down to; while the area is incomplete the
 * projection of the final shares ({@code projection}, null otherwise), and the shares over up to
 * five earlier elections ({@code history}).
 */
public record ResultsView(Election election, AreaSnapshot area, List<AreaSnapshot> children, List<AreaSnapshot> path,
        List<VoteKind> voteKinds, List<Row> rows, boolean previousAvailable, long sequence,
        LiveAnalysis.ProjectionView projection, LiveAnalysis.HistoryView history) {

    /** One group in one vote kind. {@code previousShare} is null where there is no comparison. */
    public record Row(VoteKind kind, String group, long votes, Rational share, Rational previousShare) {

        /** Change in percentage points, or null without comparison. */
        public Rational changePoints() {
            return share == null || previousShare == null ? null
                    : share.subtract(previousShare).multiply(Rational.of(100));
        }
    }

    public PartTotals part(String name) {
        return area.part(Part.valueOf(name));
    }

    public AreaRef ref() {
        return area.area().ref();
    }
}
