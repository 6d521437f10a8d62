package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.Hierarchy;
import de.wahlwerk.core.model.UnitKind;
import java.util.Map;
import java.util.Objects;

/**
 * A reporting unit as the tally sees it.
 *
 * @param leafAreas   per hierarchy, the key of the lowest area the unit belongs to (every
 *                    hierarchy of the structure must be present)
 * @param ballot      id of the {@link Ballot} its voters used
 * @param countedWith key of the neighbour unit whose report also covers this one (§ 68 Abs. 2
 *                    BWO style "counted with"); null when the unit reports itself
 */
public record UnitSpec(String key, UnitKind kind, Map<Hierarchy, String> leafAreas, String ballot,
        String countedWith) {

    public UnitSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ballot, "ballot");
        leafAreas = Map.copyOf(leafAreas);
    }
}
