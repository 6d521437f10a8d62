package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.Hierarchy;
import java.util.Objects;

/**
 * An area as the tally knows it: its hierarchy and its official key within that hierarchy.
 * The same key may name different areas in different hierarchies (constituency 53 vs. county 53),
 * hence the pair.
 */
public record AreaRef(Hierarchy hierarchy, String key) {

    public AreaRef {
        Objects.requireNonNull(hierarchy, "hierarchy");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return hierarchy + ":" + key;
    }
}
