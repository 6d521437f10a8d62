package de.wahlwerk.server.publish;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.seats.direct.ApprovalQuorum;
import de.wahlwerk.core.tally.AreaRef;
import de.wahlwerk.core.tally.AreaSpec;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.core.tally.UnitSpec;
import de.wahlwerk.server.results.SeatReport;
import de.wahlwerk.server.results.SeatService;
import de.wahlwerk.server.setup.SetupDirectory;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gathers {@link PublicFacts}. The setup part (names, stations, candidates, shapes) does not change
 * on election night; it is kept with the set-up's version ({@code SetupView.derived}, ADR 0009), so
 * that publications cost one look-up of the version and a changed set-up shows at once. The seat
 * calculation follows every publication.
 */
@Component
class PublicFactsSource {

    private static final Logger log = LoggerFactory.getLogger(PublicFactsSource.class);
    private final SetupDirectory setup;
    private final SeatService seats;
    /** The last seat report per election: the numbers are published first, the seats follow. */
    private final Map<Long, SeatReport> lastSeats = new ConcurrentHashMap<>();

    private record SetupPart(Map<AreaRef, String> names, Map<AreaRef, List<PollingStation>> stations,
            Map<String, Map<String, String>> candidates, Rational quorum, String yes, String no,
            Map<AreaRef, Choropleth.Shape> shapes) {}

    /** The key of an election's set-up part; a tally of other districts (units added) needs its own. */
    private record FactsOf(long electionId, int units) {}

    private final de.wahlwerk.server.setup.AreaGeometries geometries;
    private final tools.jackson.databind.json.JsonMapper json;

    private final de.wahlwerk.server.setup.SetupCache setupCache;
    /** The set-up part is read in one transaction, so that it is of the version it is kept with. */
    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    PublicFactsSource(SetupDirectory setup, SeatService seats, de.wahlwerk.server.setup.AreaGeometries geometries,
            tools.jackson.databind.json.JsonMapper json, de.wahlwerk.server.setup.SetupCache setupCache,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.setupCache = setupCache;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.geometries = geometries;
        this.json = json;
        this.setup = setup;
        this.seats = seats;
    }

    PublicFacts facts(Election e, Tally tally) {
        FactsOf key = new FactsOf(e.id(), tally.structure().units().size());
        SetupPart p = readOnly.execute(status -> setupCache.view().derived(key, () -> setupPart(e, tally)));
        SeatReport report = lastSeats.get(e.id());
        boolean finalResult = report != null && report.source() != null && !"live".equals(report.source().format());
        return new PublicFacts(p.names(), p.stations(), p.candidates(),
                e.kind().allocatesSeats() ? report : null, finalResult, p.quorum(), p.yes(), p.no(), p.shapes());
    }

    /**
     * Recalculates the seats after the numbers are out (the calculation with its explanation can
     * take longer than rendering); true when the published seats must change.
     */
    boolean updateSeats(Election e) {
        SeatReport report;
        try {
            report = seats.reportForOperator(e.id());
        } catch (RuntimeException ex) {
            log.warn("Seat calculation for the public site failed: {}", ex.toString());
            return false;
        }
        SeatReport before = lastSeats.put(e.id(), report);
        return before == null || !java.util.Objects.equals(before.parties(), report.parties())
                || !java.util.Objects.equals(before.source(), report.source())
                || !java.util.Objects.equals(before.constituencies(), report.constituencies())
                || !java.util.Objects.equals(before.landLists(), report.landLists())
                || before.status() != report.status();
    }

    private SetupPart setupPart(Election e, Tally tally) {
        Map<AreaRef, String> names = new HashMap<>();
        Map<Long, AreaRef> refById = new HashMap<>();
        for (Area a : setup.areas(e.electionDayId())) {
            AreaRef ref = new AreaRef(new de.wahlwerk.core.model.Hierarchy(a.hierarchy()), a.officialKey());
            names.put(ref, a.name());
            refById.put(a.id(), ref);
        }
        // Stations per area: each unit's station belongs to the unit's leaf area and all above it.
        Map<AreaRef, AreaRef> parents = new HashMap<>();
        for (AreaSpec a : tally.structure().areas()) {
            parents.put(a.ref(), a.parent());
        }
        Map<String, PollingStation> stationByUnit = new HashMap<>();
        Map<Long, PollingStation> stationById = new HashMap<>();
        for (PollingStation s : setup.stations(e.electionDayId())) {
            stationById.put(s.id(), s);
        }
        for (ReportingUnit u : setup.units(e.electionDayId())) {
            if (u.pollingStationId() != null && stationById.containsKey(u.pollingStationId())) {
                stationByUnit.put(u.officialKey(), stationById.get(u.pollingStationId()));
            }
        }
        Map<AreaRef, Set<PollingStation>> stations = new HashMap<>();
        for (UnitSpec u : tally.structure().units()) {
            PollingStation s = stationByUnit.get(u.key());
            if (s == null) {
                continue;
            }
            for (var leaf : u.leafAreas().entrySet()) {
                AreaRef ref = new AreaRef(leaf.getKey(), leaf.getValue());
                while (ref != null) {
                    stations.computeIfAbsent(ref, k -> new LinkedHashSet<>()).add(s);
                    ref = parents.get(ref);
                }
            }
        }
        Map<AreaRef, List<PollingStation>> sorted = new HashMap<>();
        stations.forEach((k, v) -> sorted.put(k, v.stream().sorted(Comparator.comparing(PollingStation::stationKey)).toList()));
        // First-vote candidates per constituency and party, for the constituency winners.
        Map<String, Map<String, String>> candidates = new HashMap<>();
        String yes = null;
        String no = null;
        for (Nomination n : setup.nominations(e.id())) {
            if (n.voteKind() == VoteKind.FIRST && n.areaId() != null && refById.containsKey(n.areaId())) {
                var list = setup.candidates(n.id());
                if (!list.isEmpty()) {
                    candidates.computeIfAbsent(refById.get(n.areaId()).key(), k -> new HashMap<>())
                            .put(n.shortName(), list.getFirst().displayName());
                }
            }
            if (n.voteKind() == VoteKind.YES_NO) {
                if (n.ballotPosition() == 1) {
                    yes = n.shortName();
                } else if (n.ballotPosition() == 2) {
                    no = n.shortName();
                }
            }
        }
        Rational quorum = e.kind() == ElectionKind.REFERENDUM ? quorum(e, tally) : null;
        Map<AreaRef, Choropleth.Shape> shapes = new HashMap<>();
        geometries.geometries(e.electionDayId()).forEach((areaId, geometry) -> {
            AreaRef ref = refById.get(areaId);
            if (ref != null) {
                shapes.put(ref, Choropleth.Shape.parse(geometry, json));
            }
        });
        return new SetupPart(names, sorted, candidates, quorum, yes, no, shapes);
    }

    /**
     * The approval quorum of the Land of the electoral area (ELECTORAL_LAW.md § 7). Where the Land
     * grades it by inhabitants, the tier is only certain when the eligible voters alone exceed the
     * upper limit (inhabitants are always more); otherwise none is shown rather than a wrong one.
     */
    private Rational quorum(Election e, Tally tally) {
        String key = setup.areas(e.electionDayId()).stream().filter(a -> a.parentId() == null)
                .map(Area::officialKey).filter(k -> k.length() >= 2 && k.chars().limit(2).allMatch(Character::isDigit))
                .findFirst().orElse(null);
        if (key == null) {
            return null;
        }
        ApprovalQuorum land = switch (key.substring(0, 2)) {
            case "08" -> ApprovalQuorum.BADEN_WUERTTEMBERG;
            case "09" -> ApprovalQuorum.BAYERN;
            case "12" -> ApprovalQuorum.BRANDENBURG;
            case "13" -> ApprovalQuorum.MECKLENBURG_VORPOMMERN;
            case "03" -> ApprovalQuorum.NIEDERSACHSEN;
            case "05" -> ApprovalQuorum.NORDRHEIN_WESTFALEN;
            case "07" -> ApprovalQuorum.RHEINLAND_PFALZ;
            case "10" -> ApprovalQuorum.SAARLAND;
            case "15" -> ApprovalQuorum.SACHSEN_ANHALT;
            default -> null;
        };
        if (land == null) {
            return null;
        }
        if (land == ApprovalQuorum.BAYERN || land == ApprovalQuorum.NORDRHEIN_WESTFALEN) {
            long eligible = tally.snapshots().stream().filter(s -> s.area().parent() == null)
                    .mapToLong(s -> s.all().eligible()).max().orElse(0);
            return eligible > 100_000 ? land.forInhabitants(eligible) : null;
        }
        return land.forInhabitants(0);
    }

}
