package de.wahlwerk.core.seats.direct;

import de.wahlwerk.core.arith.Rational;
import java.util.List;

/** Result of one round of a mayor/Landrat election. */
public sealed interface MayorOutcome {

    /** Elected with {@code votes}, a {@code share} of the valid votes. */
    record Elected(String candidate, long votes, Rational share, boolean byLot) implements MayorOutcome {}

    /** Nobody elected: Stichwahl between these two (the second by lot if {@code byLot}). */
    record Runoff(List<String> candidates, boolean byLot) implements MayorOutcome {
        public Runoff {
            candidates = List.copyOf(candidates);
        }
    }

    /** Nobody elected: a new ballot follows (Sachsen KomWG § 44a). */
    record NewBallot() implements MayorOutcome {}

    /** Stichwahl without the required quorum: the council elects (BbgKWahlG § 72 Abs. 2). */
    record CouncilElects() implements MayorOutcome {}
}
