package de.wahlwerk.server.setup;

import de.wahlwerk.core.formats.ImportProblem;
import de.wahlwerk.core.formats.KergArea;
import de.wahlwerk.core.formats.KergGroup;
import de.wahlwerk.core.formats.KergResult;
import de.wahlwerk.core.formats.ResultFile;
import de.wahlwerk.core.formats.ResultRow;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores published results: previous elections for comparison (votemanager open-data CSV, kerg2)
 * and, from the Bundeswahlleiterin's kerg2.csv, a complete Bundestag election (federation, 16
 * states, 299 constituencies, every list and constituency nomination) with its official result.
 */
@Component
class ResultImport {

    /** What an import stored. */
    public record Summary(long sourceId, Long previousSourceId, Long electionDayId, Long electionId, int records,
            int areas, int nominations) {}

    private final ResultStore results;
    private final ElectionDayService days;
    private final AreaStore areas;
    private final NominationStore nominations;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    ResultImport(ResultStore results, ElectionDayService days, AreaStore areas, NominationStore nominations,
            AccessPolicy access, AuditLog audit, JdbcClient jdbc) {
        this.results = results;
        this.days = days;
        this.areas = areas;
        this.nominations = nominations;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * Stores a votemanager file as comparison data. Its columns D1…/F1… carry no party names; the
     * office gives them in ballot order ({@code partyNames}), otherwise groups are keyed "#n".
     */
    @Transactional
    public Summary importVotemanager(ResultFile file, String label, Long electionId, List<String> partyNames,
            String sha256) {
        requireAdmin();
        if (electionId != null) {
            days.election(electionId);
        }
        rejectDuplicate(sha256, file.file());
        int columns = usedColumns(file);
        if (!partyNames.isEmpty() && partyNames.size() < columns) {
            throw new ImportRejectedException(List.of(ImportProblem.of(file.file(), 0, null, "party-names-count",
                    Integer.toString(partyNames.size()), Integer.toString(columns))));
        }
        IntFunction<String> group = pos -> pos <= partyNames.size() ? partyNames.get(pos - 1) : "#" + pos;
        List<ResultStore.Record> records = new ArrayList<>();
        for (ResultRow row : file.rows()) {
            boolean total = row.unitKey() == null;
            records.add(new ResultStore.Record(total ? AreaLevel.MUNICIPALITY.name() : ResultStore.UNIT_LEVEL,
                    total ? row.ags() : row.unitKey(), total ? null : row.ags(), row.name(), row.postal(),
                    row.counts(), byGroup(row.counts(), group)));
        }
        String kind = electionId == null ? null : days.election(electionId).kind().name();
        long source = results.insertSource(label, kind, file.date(), "votemanager", file.file(), sha256, electionId,
                access.current().username());
        results.insertRecords(source, records);
        audit.record("import-results", "result_source", source, null, Map.of("file", file.file(), "label", label,
                "format", "votemanager", "records", records.size(), "columns", columns));
        return new Summary(source, null, null, electionId, records.size(), 0, 0);
    }

    /** Imports kerg2.csv as a complete election with its official result and the previous election's values. */
    @Transactional
    public Summary importKerg2(KergResult kerg, String fileName, String sha256) {
        if (!access.current().isInstallationAdmin()) {
            throw new AccessDeniedException("kerg2 creates a nationwide election: installation administrators only");
        }
        rejectDuplicate(sha256, fileName);
        int year = kerg.electionDay().getYear();
        ElectionDayForm dayForm = new ElectionDayForm();
        dayForm.setName("Bundestagswahl " + year + " (" + kerg.status() + ", Bundeswahlleiterin)");
        dayForm.setDate(kerg.electionDay());
        dayForm.setScopeHierarchy("bundestag");
        dayForm.setScopeKey(kerg.federation().key());
        if (days.store().dayByName(dayForm.getName(), dayForm.getDate()).isPresent()) {
            throw new ImportRejectedException(List.of(ImportProblem.of(fileName, 0, null, "already-exists", dayForm.getName())));
        }
        long dayId = days.store().insertDay(dayForm);
        ElectionForm ef = new ElectionForm();
        ef.setKind(ElectionKind.BUNDESTAG);
        ef.setName("Bundestagswahl " + year);
        // § 1 Abs. 1 BWahlG: 630 seats from 2025 on (2023 reform); 598 before.
        ef.setSeats(year >= 2025 ? 630 : 598);
        ef.setHierarchy("bundestag");
        long electionId = days.store().insertElection(dayId, ef);

        Map<String, Long> areaIds = new HashMap<>();
        int nominationCount = 0;
        List<KergArea> ordered = new ArrayList<>();
        ordered.add(kerg.federation());
        ordered.addAll(kerg.states());
        ordered.addAll(kerg.constituencies());
        for (KergArea a : ordered) {
            AreaForm f = new AreaForm();
            f.setHierarchy("bundestag");
            f.setLevel(a.level());
            f.setOfficialKey(a.key());
            f.setName(a.name());
            Long parent = a.parentKey() == null ? null : areaIds.get(a.parentLevel() + ":" + a.parentKey());
            long id = areas.insertArea(dayId, f, parent);
            areaIds.put(a.level() + ":" + a.key(), id);
            // Landeslisten stand in their state (§ 27 BWahlG), constituency nominations in their Wahlkreis.
            VoteKind kind = switch (a.level()) {
                case STATE -> VoteKind.SECOND;
                case CONSTITUENCY -> VoteKind.FIRST;
                default -> null;
            };
            if (kind != null) {
                nominationCount += nominations(electionId, id, a, kind);
            }
        }

        List<ResultStore.Record> current = new ArrayList<>();
        List<ResultStore.Record> previous = new ArrayList<>();
        for (KergArea a : ordered) {
            IntFunction<String> group = pos -> a.groups().stream().filter(g -> g.position() == pos)
                    .map(KergGroup::name).findFirst().orElse("#" + pos);
            current.add(new ResultStore.Record(a.level().name(), a.key(), a.parentKey(), a.name(), false, a.counts(),
                    byGroup(a.counts(), group)));
            if (a.previous() != null) {
                previous.add(new ResultStore.Record(a.level().name(), a.key(), a.parentKey(), a.name(), false,
                        a.previous(), byGroup(a.previous(), group)));
            }
        }
        long source = results.insertSource("Bundestagswahl " + year + " (" + kerg.status() + ")",
                ElectionKind.BUNDESTAG.name(), kerg.electionDay(), "kerg2", fileName, sha256, electionId,
                access.current().username());
        results.insertRecords(source, current);
        Long previousSource = null;
        if (!previous.isEmpty()) {
            previousSource = results.insertSource("Vorherige Bundestagswahl (Vergleichswerte aus " + fileName + ")",
                    ElectionKind.BUNDESTAG.name(), null, "kerg2-previous", fileName, sha256, electionId,
                    access.current().username());
            results.insertRecords(previousSource, previous);
        }
        Summary summary = new Summary(source, previousSource, dayId, electionId, current.size(), ordered.size(),
                nominationCount);
        audit.record("import-kerg2", "election_day", dayId, null, summary);
        return summary;
    }

    private int nominations(long electionId, long areaId, KergArea a, VoteKind kind) {
        VoteCounts votes = a.counts().votes(kind);
        if (votes == null) {
            return 0;
        }
        int count = 0;
        for (KergGroup g : a.groups()) {
            if (g.isOthers() || g.kind() == null || votes.votesFor(g.position()) == null) {
                continue;
            }
            NominationForm f = new NominationForm();
            f.setVoteKind(kind);
            f.setBallotPosition(g.position());
            f.setShortName(g.name().length() > 100 ? g.name().substring(0, 100) : g.name());
            f.setName(g.name());
            f.setGroupKind(g.kind());
            nominations.insertNomination(electionId, areaId, f);
            count++;
        }
        return count;
    }

    private static Map<VoteKind, Map<String, Long>> byGroup(Counts counts, IntFunction<String> group) {
        Map<VoteKind, Map<String, Long>> result = new LinkedHashMap<>();
        counts.votes().forEach((kind, v) -> {
            Map<String, Long> m = new LinkedHashMap<>();
            v.perNomination().forEach((pos, votes) -> {
                // An empty cell means "did not stand here", which is not the same as 0 votes.
                if (votes != null) {
                    m.merge(group.apply(pos), votes, Long::sum);
                }
            });
            result.put(kind, m);
        });
        return result;
    }

    private static int usedColumns(ResultFile file) {
        int max = 0;
        for (ResultRow r : file.rows()) {
            for (VoteCounts v : r.counts().votes().values()) {
                for (var e : v.perNomination().entrySet()) {
                    if (e.getValue() != null) {
                        max = Math.max(max, e.getKey());
                    }
                }
            }
        }
        return max;
    }

    private void rejectDuplicate(String sha256, String fileName) {
        jdbc.sql("select label from result_source where sha256 = :s order by id limit 1").param("s", sha256)
                .query(String.class).optional().ifPresent(label -> {
                    throw new ImportRejectedException(List.of(ImportProblem.of(fileName, 0, null, "duplicate-source", label)));
                });
    }

    private void requireAdmin() {
        if (!access.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("importing results needs an administrator");
        }
    }
}
