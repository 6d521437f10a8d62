package de.wahlwerk.server.publish;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.server.entry.ConfirmedReports;
import de.wahlwerk.server.results.LiveTallies;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.core.tally.Tally;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data files of every published area, next to its page and JSON: the votemanager /
 * OK.VOTE CSV layout that newsrooms' tools already read (docs/formats/open-data.md).
 *
 * <p>Per area {@code /wahlen/<election>/<hierarchy>/<key>/}: {@code votemanager-gebiet.csv} (the
 * area's total, one row), {@code votemanager-wahlbezirke.csv} (one row per polling and postal
 * district below it) and, when the area has sub-areas, {@code votemanager-teilgebiete.csv} (one
 * row per sub-area). Per election {@code /wahlen/<election>/nist-1500-100.json}: the NIST SP 1500-100
 * Election Results Common Data Format, and {@code index.json} listing the areas and their files; the
 * list of elections at {@code /wahlen/index.json}; the OpenAPI description at
 * {@code /wahlen/openapi.yaml}. Built from confirmed reports only, once per change of the
 * election's numbers.
 */
@Component
class OpenDataFiles {

    static final String CSV = "text/csv;charset=UTF-8";
    static final String JSON = "application/json;charset=UTF-8";
    /** NIST SP 1500-100 v2 Election Results Common Data Format, below the election's folder. */
    static final String NIST = "nist-1500-100.json";
    static final String YAML = "application/yaml;charset=UTF-8";
    static final String OPENAPI = PublicReadFilter.PREFIX + "openapi.yaml";

    private final SetupDirectory setup;
    private final LiveTallies tallies;
    private final ConfirmedReports confirmed;
    private final Snapshots snapshots;
    private final JsonMapper json;
    private final Clock clock;
    /** Rows of the last publication per election, rebuilt when its tally sequence moves. */
    private final Map<Long, Built> built = new HashMap<>();
    /** Entries of the public election list, by election id. */
    private final Map<Long, Map<String, Object>> elections = new TreeMap<>();

    private record Built(long sequence, OpenDataRows rows) {}

    OpenDataFiles(SetupDirectory setup, LiveTallies tallies, ConfirmedReports confirmed, Snapshots snapshots,
            JsonMapper json, Optional<Clock> clock) {
        this.setup = setup;
        this.tallies = tallies;
        this.confirmed = confirmed;
        this.snapshots = snapshots;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Publishes the open-data files of one area (called by the public site for every area it renders). */
    synchronized void publish(Election e, AreaSnapshot area) {
        Built before = built.get(e.id());
        OpenDataRows rows = rows(e);
        if (before == null || before.rows() != rows) {
            publishElection(e, rows);
        }
        AreaRef ref = area.area().ref();
        String dir = PublicSite.base(e) + ref.hierarchy().code() + "/" + ref.key() + "/";
        snapshots.put(dir + "votemanager-gebiet.csv", PublishedPage.of(rows.areaFile(ref), CSV));
        snapshots.put(dir + "votemanager-wahlbezirke.csv", PublishedPage.of(rows.unitsFile(ref), CSV));
        String children = rows.childrenFile(ref);
        if (children != null) {
            snapshots.put(dir + "votemanager-teilgebiete.csv", PublishedPage.of(children, CSV));
        }
    }

    /** The files about the whole election, once per change of its numbers. */
    private void publishElection(Election e, OpenDataRows rows) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(PublicSite.ZONE));
        Tally tally = tallies.tally(e.id());
        snapshots.put(PublicSite.base(e) + NIST, PublishedPage.of(json.writeValueAsString(NistReport.of(rows, tally, now)), JSON));
        snapshots.put(PublicSite.base(e) + "index.json", PublishedPage.of(json.writeValueAsString(
                OpenDataIndex.election(e, rows, tally)), JSON));
        elections.put(e.id(), OpenDataIndex.entry(e, rows));
        snapshots.put(PublicReadFilter.PREFIX + "index.json", PublishedPage.of(json.writeValueAsString(
                Map.of("elections", List.copyOf(elections.values()))), JSON));
    }

    /** The API description, at a stable path next to the data it describes. */
    @EventListener
    void describe(ApplicationReadyEvent ready) throws IOException {
        try (var in = new ClassPathResource("publish/openapi.yaml").getInputStream()) {
            snapshots.put(OPENAPI, PublishedPage.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), YAML));
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
