package de.wahlwerk.core.projection;

import de.wahlwerk.core.arith.Rational;
import java.util.Objects;

/**
 * A projected value: the exact point estimate and, when the data allow one, an interval.
 *
 * @param interval null while there are too few comparable reported units to estimate the spread
 */
public record Estimate(Rational value, Interval interval) {

    public Estimate {
        Objects.requireNonNull(value, "value");
    }

    /** A {@code level} interval (e.g. 0.90) in [0, 1]; doubles, for display and coverage only. */
    public record Interval(double low, double high, double level) {

        public boolean contains(double x) {
            return low <= x && x <= high;
        }
    }
}
