package de.wahlwerk.core.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns addresses to polling districts by the street index.
 *
 * <p>Precedence: of the rules that cover an address only the most specific count (a rule with
 * postal code beats one without; a rule with a range or side beats the whole street). If those
 * name one district the address goes there; if they name several it is <em>not</em> assigned and
 * reported as {@link Assignment.Problem#OVERLAPPING_RULES} — the office must fix the index, the
 * program never picks one silently.
 */
public final class StreetIndex {

    private final Map<String, List<StreetRule>> byStreet = new HashMap<>();

    public StreetIndex(List<StreetRule> rules) {
        for (StreetRule r : rules) {
            byStreet.computeIfAbsent(r.streetKey(), k -> new ArrayList<>()).add(r);
        }
    }

    public Assignment assign(String street, String postalCode, HouseNumber number) {
        List<StreetRule> rules = byStreet.get(StreetNames.key(street));
        if (rules == null) {
            return new Assignment(null, Assignment.Problem.UNKNOWN_STREET, List.of());
        }
        int best = -1;
        StreetRule first = null;
        List<StreetRule> conflicting = null;
        for (StreetRule r : rules) {
            if (!r.covers(postalCode, number)) {
                continue;
            }
            int s = r.specificity();
            if (s > best) {
                best = s;
                first = r;
                conflicting = null;
            } else if (s == best && !r.unitKey().equals(first.unitKey())) {
                if (conflicting == null) {
                    conflicting = new ArrayList<>();
                    conflicting.add(first);
                }
                conflicting.add(r);
            }
        }
        if (first == null) {
            return new Assignment(null, Assignment.Problem.NO_RULE_FOR_NUMBER, List.of());
        }
        if (conflicting != null) {
            return new Assignment(null, Assignment.Problem.OVERLAPPING_RULES,
                    conflicting.stream().map(StreetRule::line).toList());
        }
        return new Assignment(first.unitKey(), null, List.of(first.line()));
    }
}
