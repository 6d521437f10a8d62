package de.wahlwerk.core.register;

import java.util.List;

/**
 * The polling district of a resident, or why there is none.
 *
 * @param unitKey   official key of the polling district, null when unassigned
 * @param problem   null when assigned
 * @param ruleLines the street-index lines involved (the one applied, or the overlapping ones)
 */
public record Assignment(String unitKey, Problem problem, List<Long> ruleLines) {

    public enum Problem {
        /** The street is not in the street index at all. */
        UNKNOWN_STREET,
        /** The street is there, but no rule covers this house number (or postal code). */
        NO_RULE_FOR_NUMBER,
        /** Two equally specific rules cover the address and name different districts. */
        OVERLAPPING_RULES
    }

    public Assignment {
        ruleLines = List.copyOf(ruleLines);
    }

    public boolean assigned() {
        return unitKey != null;
    }
}
