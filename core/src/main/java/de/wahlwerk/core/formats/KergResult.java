package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.AreaLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A Bundestag result as the federal returning officer publishes it (kerg2 long format): every
 * area with its groups and counts, in file order (Bund, Länder, Wahlkreise).
 *
 * @param file         name of the file read
 * @param electionType column Wahlart, e.g. {@code BT}
 * @param electionDay  column Wahltag
 * @param status       "Status:" of the preamble (e.g. "Endgültig"), null if the preamble was removed
 */
public record KergResult(String file, String electionType, LocalDate electionDay, String status,
        List<KergArea> areas) {

    public KergResult {
        areas = List.copyOf(areas);
    }

    public List<KergArea> areas(AreaLevel level) {
        return areas.stream().filter(a -> a.level() == level).toList();
    }

    public KergArea federation() {
        return areas(AreaLevel.FEDERATION).getFirst();
    }

    public List<KergArea> states() {
        return areas(AreaLevel.STATE);
    }

    public List<KergArea> constituencies() {
        return areas(AreaLevel.CONSTITUENCY);
    }

    public Optional<KergArea> area(AreaLevel level, String key) {
        return areas.stream().filter(a -> a.level() == level && a.key().equals(key)).findFirst();
    }

    /** The areas whose parent is the given one. */
    public List<KergArea> children(KergArea parent) {
        return areas.stream()
                .filter(a -> a.parentLevel() == parent.level() && parent.key().equals(a.parentKey()))
                .toList();
    }
}
