package de.wahlwerk.core.projection;

import java.util.List;
import java.util.Objects;

/**
 * Everything a projection of one area looks at.
 *
 * @param units          all units expected in the area, reported or not
 * @param previousPostal sum over all postal districts of the area in the previous election, or
 *                       null if unknown. Each current postal district is assumed to cover an equal
 *                       share of it, because districts are cut anew (Göttingen: 54 in 2021, 28 in
 *                       2025), so no unit-level match exists.
 */
public record ProjectionInput(List<ProjectionUnit> units, Observation previousPostal) {

    public ProjectionInput {
        units = List.copyOf(Objects.requireNonNull(units, "units"));
    }
}
