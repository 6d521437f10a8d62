package de.wahlwerk.core.seats;

import java.util.Map;

/**
 * The result of one apportionment: either fully decided, or decided except for seats that a
 * lot must allocate. A tie that needs a lot is a normal, expected outcome of the law, so it is a
 * value here and never an exception.
 */
public sealed interface Apportionment permits Apportionment.Decided, Apportionment.LotRequired {

    /**
     * Seats per contender id, in the contenders' input order. For {@link LotRequired} only the
     * undisputed seats; the contested ones are in {@link LotRequired#tie()}.
     */
    Map<String, Integer> seats();

    /** How the result came about, step by step, for display. */
    ApportionmentExplanation explanation();

    default int seatsOf(String id) {
        return seats().getOrDefault(id, 0);
    }

    default boolean isDecided() {
        return this instanceof Decided;
    }

    /** Every seat is allocated (lots given as input are already applied). */
    record Decided(Map<String, Integer> seats, ApportionmentExplanation explanation) implements Apportionment {
        public Decided {
            seats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seats));
        }
    }

    /** {@code tie.contestedSeats()} seats must go by lot to as many of {@code tie.tied()}. */
    record LotRequired(Map<String, Integer> seats, Tie tie, ApportionmentExplanation explanation)
            implements Apportionment {
        public LotRequired {
            seats = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seats));
        }
    }
}
