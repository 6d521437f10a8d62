package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.Counts;
import java.util.Objects;

/**
 * One step of the global sequence the tally follows. Every sequence number must arrive, even
 * those that change nothing here (an unconfirmed version, another election's report), so that a
 * missing number always means "something was missed" and never "nothing happened".
 */
public sealed interface TallyEvent {

    long sequence();

    /** Unit's confirmed report is now {@code counts}: the first confirmation or a correction. */
    record ReportConfirmed(long sequence, String unit, Counts counts) implements TallyEvent {
        public ReportConfirmed {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(counts, "counts");
        }
    }

    /** The unit's confirmed report was withdrawn; it counts as not reported again. */
    record ReportWithdrawn(long sequence, String unit) implements TallyEvent {
        public ReportWithdrawn {
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** A sequence number that carries nothing for this tally. */
    record NoChange(long sequence) implements TallyEvent {}
}
