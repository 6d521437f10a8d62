package de.wahlwerk.core.tally;

import java.util.List;

/** What {@link Tally#apply} did with an event. */
public sealed interface ApplyOutcome {

    /** Applied; {@code changed} lists the areas whose numbers changed (the ones to re-render). */
    record Applied(long sequence, List<AreaRef> changed) implements ApplyOutcome {
        public Applied {
            changed = List.copyOf(changed);
        }
    }

    /** Already applied earlier (sequence ≤ the tally's); ignored, so redelivery is harmless. */
    record Duplicate(long sequence) implements ApplyOutcome {}

    /**
     * Not applied: the events {@code firstMissing…lastMissing} have not arrived yet. The caller
     * fetches them (from the database) and applies them before this one.
     */
    record Gap(long firstMissing, long lastMissing) implements ApplyOutcome {}
}
