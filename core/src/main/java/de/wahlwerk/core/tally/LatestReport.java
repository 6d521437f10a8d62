package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.Counts;
import java.util.Objects;

/** The latest confirmed report of one unit, as read back from storage for a rebuild. */
public record LatestReport(String unit, Counts counts) {

    public LatestReport {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(counts, "counts");
    }
}
