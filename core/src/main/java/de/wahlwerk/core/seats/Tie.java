package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;
import java.util.List;

/**
 * Contenders with exactly equal claims to the last seat(s).
 *
 * @param tied           the tied contender ids, in input order
 * @param contestedSeats how many of them get a seat (fewer than {@code tied.size()})
 * @param value          the equal value: highest average, or remainder for Hare/Niemeyer
 */
public record Tie(List<String> tied, int contestedSeats, Rational value) {
    public Tie {
        tied = List.copyOf(tied);
    }
}
