package de.wahlwerk.core.projection;

import de.wahlwerk.core.model.UnitKind;
import java.util.Objects;

/**
 * A reporting unit of the area being projected.
 *
 * @param current  its report, or null while it has not reported
 * @param previous the same unit's previous-election result, or null when there is none to match
 *                 (new or re-cut district). Postal units leave this null: postal districts are
 *                 re-cut between elections, so they are compared at the aggregate level (see
 *                 {@link ProjectionInput#previousPostal()}).
 */
public record ProjectionUnit(String key, UnitKind kind, Observation current, Observation previous) {

    public ProjectionUnit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
    }

    public boolean reported() {
        return current != null;
    }
}
