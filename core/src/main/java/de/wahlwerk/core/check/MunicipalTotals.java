package de.wahlwerk.core.check;

import de.wahlwerk.core.model.Counts;
import java.util.Objects;

/**
 * The sum of the municipality's confirmed quick reports so far, for comparing one report with the
 * current average. Only reports of the same unit kind belong in it: a polling district's turnout
 * excludes its postal voters, so a mix would compare unlike things.
 *
 * @param sum     field-wise sum; per-nomination keys are the current ballot positions
 * @param reports how many reports the sum covers
 */
public record MunicipalTotals(Counts sum, int reports) {

    public MunicipalTotals {
        Objects.requireNonNull(sum, "sum");
        if (reports < 0) {
            throw new IllegalArgumentException("reports must be >= 0: " + reports);
        }
    }
}
