package de.wahlwerk.core.seats;

/**
 * Outcome of an electoral-law calculation that may stop at a tie only a lot can break
 * (BWG § 5 Abs. 3, § 6 Abs. 3; municipal laws alike). Enter the drawn lot under
 * {@code decision} and run again.
 */
public sealed interface SeatOutcome<T> permits SeatOutcome.Decided, SeatOutcome.LotRequired {

    record Decided<T>(T result) implements SeatOutcome<T> {}

    /**
     * @param decision key under which the lot must be entered (see {@link Lots})
     * @param tie      who is tied for how many seats
     * @param reason   which rule leads to the lot, e.g. "BWG § 5 Abs. 3"
     */
    record LotRequired<T>(String decision, Tie tie, String reason) implements SeatOutcome<T> {}

    /** The result, or an {@link IllegalStateException} naming the missing lot. */
    default T orElseThrow() {
        return switch (this) {
            case Decided<T> d -> d.result();
            case LotRequired<T> l -> throw new IllegalStateException(
                    "lot required for " + l.decision() + " (" + l.reason() + "): " + l.tie());
        };
    }
}
