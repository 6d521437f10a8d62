package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;
import java.util.List;
import java.util.Optional;

/**
 * The calculation behind an {@link Apportionment}, as data for a UI to render (core prints
 * nothing). All numbers are exact; a UI rounds them for display only.
 *
 * @param method         the method applied
 * @param seats          seats to allocate
 * @param totalVotes     sum of the contenders' votes
 * @param rows           one row per contender, in input order
 * @param awards         the seats in the order the highest-average (or, for Hare/Niemeyer, the
 *                       remainder) ranking awards them; minimum seats are not listed
 * @param divisor        for divisor methods: the admissible divisor span and a round divisor in it
 * @param divisorSearch  for the iterative statutory procedure (BWG § 5 Abs. 2): divisors tried
 * @param quota          for Hare/Niemeyer: votes per seat ({@code totalVotes / seats})
 * @param lot            a lot that was applied (given as input), if any
 */
public record ApportionmentExplanation(
        Method method,
        int seats,
        long totalVotes,
        List<Row> rows,
        List<Award> awards,
        Optional<DivisorSpan> divisor,
        List<DivisorStep> divisorSearch,
        Optional<Rational> quota,
        Optional<LotApplied> lot) {

    public ApportionmentExplanation {
        rows = List.copyOf(rows);
        awards = List.copyOf(awards);
        divisorSearch = List.copyOf(divisorSearch);
    }

    /**
     * @param id        contender
     * @param votes     its votes
     * @param quotient  votes ÷ chosen divisor (divisor methods) or its ideal share
     *                  seats·votes/total (Hare/Niemeyer); empty when undefined (no divisor)
     * @param seats     seats it is entitled to (undisputed ones when a lot is required)
     * @param vacant    of those, how many stay vacant because its list is exhausted
     */
    public record Row(String id, long votes, Optional<Rational> quotient, int seats, int vacant,
            Optional<Margin> margin) {

        /** A row without a margin (the margin is attached by {@link Apportioner} once the result is decided). */
        public Row(String id, long votes, Optional<Rational> quotient, int seats, int vacant) {
            this(id, votes, quotient, seats, vacant, Optional.empty());
        }

        public Row withMargin(Optional<Margin> newMargin) {
            return new Row(id, votes, quotient, seats, vacant, newMargin);
        }
    }

    /**
     * How far the contender is from the next seat and from losing its last one, all other
     * contenders' votes unchanged ("Stimmen für einen weiteren Sitz / bis zum Verlust des letzten
     * Sitzes"). Computed exactly from the divisor bounds (divisor methods: the weakest seat held by
     * another contender, the strongest claim of another contender) or, for Hare/Niemeyer, by
     * recomputing the quota distribution exactly with changed votes (the quota moves with the total).
     *
     * @param votesToGain    fewest additional votes with which it wins one more seat outright (one
     *                       vote fewer gives at best a tie for the lot); empty when no further seat
     *                       is possible (list exhausted, every other seat fixed by minimum seats)
     * @param votesToLose    fewest votes fewer with which it loses its last seat outright; empty
     *                       when it holds no seat or the seat cannot be lost (minimum seats)
     * @param gainThreshold  divisor methods: the exact vote count at which it ties for the next seat
     *                       ({@code votes + votesToGain − 1 < gainThreshold ≤ votes + votesToGain})
     * @param loseThreshold  divisor methods: the exact vote count below which it loses the last seat
     */
    public record Margin(java.util.OptionalLong votesToGain, java.util.OptionalLong votesToLose,
            Optional<Rational> gainThreshold, Optional<Rational> loseThreshold) {}

    /** The {@code seatNumber}-th seat went to {@code id} with this highest average or remainder. */
    public record Award(int seatNumber, String id, Rational value) {}

    /**
     * Every divisor {@code D} with {@code lowExclusive < D ≤ highInclusive} yields the result
     * (S5 Tab. 6.2.x "Divisorspanne"); {@code chosen} is a round value from it, as the
     * Bundeswahlleiterin publishes ("ein möglichst glatter Wert aus diesem Intervall").
     * When the result rests on a lot the span is a single point and {@code chosen} is that point.
     */
    public record DivisorSpan(Rational lowExclusive, Rational highInclusive, Rational chosen) {}

    /** One step of the iterative procedure: at divisor {@code divisor}, {@code seats} seats result. */
    public record DivisorStep(Rational divisor, int seats) {}

    /** A lot entered by the responsible official decided {@code contestedSeats} among {@code tied}. */
    public record LotApplied(List<String> tied, int contestedSeats, List<String> winners) {}
}
