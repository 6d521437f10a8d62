package de.wahlwerk.core.projection;

import java.util.Map;

/**
 * A projection of an incomplete area.
 *
 * @param shares  projected final share of the valid votes per group (exact; they sum to 1)
 * @param turnout projected final turnout, or null when no polling district with a roll reported
 */
public record Projection(int unitsReported, int unitsExpected, Map<String, Estimate> shares, Estimate turnout) {

    public Projection {
        shares = Map.copyOf(shares);
    }
}
