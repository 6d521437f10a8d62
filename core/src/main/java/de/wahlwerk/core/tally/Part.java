package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.UnitKind;

/** Which votes a figure covers: in-person (polling districts), postal, or both together. */
public enum Part {
    POLLING,
    POSTAL,
    ALL;

    public static Part of(UnitKind kind) {
        return kind == UnitKind.POSTAL ? POSTAL : POLLING;
    }
}
