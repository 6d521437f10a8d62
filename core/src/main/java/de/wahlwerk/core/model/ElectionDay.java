package de.wahlwerk.core.model;

import java.time.LocalDate;
import java.time.LocalTime;

/** A day on which one or more elections are held with the same polling districts and rolls. */
public record ElectionDay(long id, String name, LocalDate date, LocalTime pollsClose) {

    /** Polls close at 18:00 unless the law of the election says otherwise (§ 47 BWO). */
    public static final LocalTime DEFAULT_POLLS_CLOSE = LocalTime.of(18, 0);
}
