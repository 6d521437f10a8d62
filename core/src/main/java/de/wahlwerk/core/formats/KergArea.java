package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import java.util.List;
import java.util.Optional;

/**
 * One area of a kerg2 file with everything reported for it.
 *
 * @param line        first line of the area in the file
 * @param level       FEDERATION (Bund), STATE (Land) or CONSTITUENCY (Wahlkreis)
 * @param key         Gebietsnummer as written ({@code 99}, {@code 01}, {@code 001})
 * @param parentLevel level of UegGebietsart, null for the Bund
 * @param parentKey   UegGebietsnummer, null for the Bund
 * @param groups      the groups on this area's ballot in ballot order, plus "Übrige" (position 1000)
 * @param counts      eligible (Wahlberechtigte), voters (Wählende) and per FIRST/SECOND invalid,
 *                    valid and votes per group position; null = empty cell (did not stand)
 * @param previous    the same from the previous election (Vorp columns), keyed by this election's positions
 * @param elected     column Gewählt (Wahlkreise of 2025 on): winner's party, "–" if the winner got
 *                    no seat, null where the column is absent or empty
 */
public record KergArea(long line, AreaLevel level, String key, String name, AreaLevel parentLevel, String parentKey,
        List<KergGroup> groups, Counts counts, Counts previous, String elected) {

    /** The marker of the Bundeswahlleiterin for "the constituency winner got no seat". */
    public static final String NO_SEAT = "–";

    public KergArea {
        groups = List.copyOf(groups);
    }

    public Optional<KergGroup> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The party whose constituency candidate took the seat, if the file says so. */
    public Optional<String> electedParty() {
        return elected == null || elected.equals(NO_SEAT) ? Optional.empty() : Optional.of(elected);
    }
}
