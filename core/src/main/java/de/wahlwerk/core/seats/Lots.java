package de.wahlwerk.core.seats;

import java.util.Map;

/**
 * The lots drawn so far for one election, keyed by the decision they settle (the key a
 * {@link SeatOutcome.LotRequired} names, e.g. {@code "oberverteilung"} or
 * {@code "deckung:Hessen:CDU"}).
 */
public record Lots(Map<String, Lot> byDecision) {

    public Lots {
        byDecision = Map.copyOf(byDecision);
    }

    public static Lots none() {
        return new Lots(Map.of());
    }

    public Lot get(String decision) {
        return byDecision.getOrDefault(decision, Lot.none());
    }

    public Lots with(String decision, Lot lot) {
        var copy = new java.util.HashMap<>(byDecision);
        copy.put(decision, lot);
        return new Lots(copy);
    }
}
