package de.wahlwerk.server.entry;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import java.util.List;

/**
 * The election office's overview: per unit its state, and the totals per state.
 *
 * @param rows one per unit the user may see, missing units first
 */
public record StatusBoard(Election election, List<Row> rows, long expected, long entered, long confirmed,
        long withWarnings, long missing, List<Event> timeline, List<AreaLine> areas) {

    /** Per area (the units' leaf area in the organiser's hierarchy): expected, entered, confirmed, warnings, missing. */
    public record AreaLine(String key, String name, long expected, long entered, long confirmed, long withWarnings,
            long missing) {}

    /** One line of the timeline: what happened to which unit, when, by whom. */
    public record Event(java.time.Instant at, String unitKey, String unitName, ReportStatus status, String kind, String by) {}

    /**
     * One unit: its state and whom to call when it is missing — the appointed board chair, else the
     * contact stored with the polling station.
     */
    public record Row(ReportingUnit unit, String state, boolean warnings, PollingStation station, ReportingUnit countedWith,
            BoardChairs.Contact chair) {

        public String chairName() {
            return chair != null ? chair.name() : station == null ? null : station.chairName();
        }

        public String chairPhone() {
            return chair != null ? chair.phone() : station == null ? null : station.chairPhone();
        }

        public boolean postal() {
            return unit.kind() == UnitKind.POSTAL;
        }
    }
}
