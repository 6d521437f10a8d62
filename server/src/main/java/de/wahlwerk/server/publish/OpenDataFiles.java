package de.wahlwerk.server.publish;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.entry.ConfirmedReports;
import de.wahlwerk.server.results.LiveTallies;
import de.wahlwerk.server.setup.SetupDirectory;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The open-data files of every published area, next to its page and JSON: the votemanager /
 * OK.VOTE CSV layout that newsrooms' tools already read (docs/formats/open-data.md).
 *
 * <p>Per area {@code /wahlen/<election>/<hierarchy>/<key>/}: {@code votemanager-gebiet.csv} (the
 * area's total, one row), {@code votemanager-wahlbezirke.csv} (one row per polling and postal
 * district below it) and, when the area has sub-areas, {@code votemanager-teilgebiete.csv} (one
 * row per sub-area). Built from confirmed reports only, once per change of the election's numbers.
 */
@Component
class OpenDataFiles {

    static final String CSV = "text/csv;charset=UTF-8";

    private final SetupDirectory setup;
    private final LiveTallies tallies;
    private final ConfirmedReports confirmed;
    private final Snapshots snapshots;
    /** Rows of the last publication per election, rebuilt when its tally sequence moves. */
    private final Map<Long, Built> built = new HashMap<>();

    private record Built(long sequence, OpenDataRows rows) {}

    OpenDataFiles(SetupDirectory setup, LiveTallies tallies, ConfirmedReports confirmed, Snapshots snapshots) {
        this.setup = setup;
        this.tallies = tallies;
        this.confirmed = confirmed;
        this.snapshots = snapshots;
    }

    /** Publishes the open-data files of one area (called by the public site for every area it renders). */
    synchronized void publish(Election e, AreaSnapshot area) {
        OpenDataRows rows = rows(e);
        AreaRef ref = area.area().ref();
        String dir = PublicSite.base(e) + ref.hierarchy().code() + "/" + ref.key() + "/";
        snapshots.put(dir + "votemanager-gebiet.csv", PublishedPage.of(rows.areaFile(ref), CSV));
        snapshots.put(dir + "votemanager-wahlbezirke.csv", PublishedPage.of(rows.unitsFile(ref), CSV));
        String children = rows.childrenFile(ref);
        if (children != null) {
            snapshots.put(dir + "votemanager-teilgebiete.csv", PublishedPage.of(children, CSV));
        }
    }

    /** The election's rows as of its current tally; built once per sequence, shared by all its areas. */
    OpenDataRows rows(Election e) {
        long sequence = tallies.tally(e.id()).sequence();
        Built b = built.get(e.id());
        if (b != null && b.sequence() == sequence) {
            return b.rows();
        }
        var day = setup.day(e.electionDayId()).orElseThrow();
        var nominations = setup.nominations(e.id());
        Map<Long, Integer> candidates = new HashMap<>();
        for (Nomination n : nominations) {
            if (n.voteKind() == VoteKind.CUMULATIVE) {
                candidates.put(n.id(), setup.candidates(n.id()).size());
            }
        }
        Map<String, Map<String, Long>> values = new HashMap<>();
        for (ConfirmedReports.Version v : confirmed.current(e.id())) {
            values.put(v.unitKey(), v.values());
        }
        OpenDataRows rows = new OpenDataRows(new OpenDataRows.Input(e, day, tallies.tally(e.id()).structure(),
                setup.units(e.electionDayId()), setup.areas(e.electionDayId()), nominations, candidates, values));
        built.put(e.id(), new Built(sequence, rows));
        return rows;
    }
}
