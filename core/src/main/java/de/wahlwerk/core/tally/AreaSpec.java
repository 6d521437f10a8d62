package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.AreaLevel;
import java.util.Objects;

/**
 * One area of the structure the tally aggregates over.
 *
 * @param parent the parent in the same hierarchy, or null for a root
 */
public record AreaSpec(AreaRef ref, AreaLevel level, AreaRef parent) {

    public AreaSpec {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(level, "level");
        if (parent != null && !parent.hierarchy().equals(ref.hierarchy())) {
            throw new IllegalArgumentException("parent of " + ref + " is in another hierarchy: " + parent);
        }
    }
}
