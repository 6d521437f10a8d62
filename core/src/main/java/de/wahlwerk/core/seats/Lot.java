package de.wahlwerk.core.seats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a drawing of lots, entered by the responsible official or committee
 * (e.g. BWG § 5 Abs. 3 S. 2: "entscheidet das vom Bundeswahlleiter zu ziehende Los").
 *
 * <p>The software never draws: a lot is an explicit input, the ids in the drawn order. Those
 * drawn first win the contested seats. When no lot (or an incomplete one) is given and a tie
 * matters, the calculation returns a "lot required" outcome naming the tied contenders.
 */
public record Lot(List<String> drawnOrder) {

    private static final Lot NONE = new Lot(List.of());

    public Lot {
        drawnOrder = List.copyOf(drawnOrder);
    }

    public static Lot none() {
        return NONE;
    }

    public static Lot of(String... drawnOrder) {
        return new Lot(List.of(drawnOrder));
    }

    public boolean isEmpty() {
        return drawnOrder.isEmpty();
    }

    /** The tied ids in drawn order, or empty when this lot does not decide among all of them. */
    public Optional<List<String>> order(Collection<String> tied) {
        if (!drawnOrder.containsAll(tied)) {
            return Optional.empty();
        }
        List<String> ordered = new ArrayList<>();
        for (String id : drawnOrder) {
            if (tied.contains(id) && !ordered.contains(id)) {
                ordered.add(id);
            }
        }
        return Optional.of(ordered);
    }
}
