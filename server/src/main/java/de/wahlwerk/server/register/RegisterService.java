package de.wahlwerk.server.register;

import de.wahlwerk.core.formats.ImportException;
import de.wahlwerk.core.formats.ImportProblem;
import de.wahlwerk.core.formats.ResidentRegisterReader;
import de.wahlwerk.core.formats.StreetIndexReader;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.register.Assignment;
import de.wahlwerk.core.register.Eligibility;
import de.wahlwerk.core.register.EligibilityRules;
import de.wahlwerk.core.register.Reason;
import de.wahlwerk.core.register.State;
import de.wahlwerk.core.register.StreetIndex;
import de.wahlwerk.core.register.StreetRule;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The electoral roll: imports of the resident register and the street index per election day,
 * building the roll per election, changes after the cut-off, and the views of personal data.
 *
 * <p>Who may do what: imports, building and changes need an administrator of the election day;
 * personal data (names on the roll, unassigned residents, a person's decision) an administrator
 * of the day or of an area containing the district — each such read is audited as
 * {@code read-roll}. Counts per district are for every staff member who sees the day.
 */
@Service
public class RegisterService {

    /** Kinds of roll change and what they do to the entry. */
    enum ChangeKind {
        MOVED_AWAY(false), DIED(false), OBJECTION_REMOVE(false), MOVED_WITHIN(true), OBJECTION_ADD(true),
        ADDED_BY_DECISION(true);

        final boolean onRollAfter;

        ChangeKind(boolean onRollAfter) {
            this.onRollAfter = onRollAfter;
        }
    }

    record ImportSummary(String file, String sha256, long rows, int rollsDiscarded) {}

    record BuildRequest(LocalDate cutoff, String state, Integer minAge) {}

    record BuildSummary(long electionId, String state, LocalDate cutoff, int minAge, Map<String, Long> counts,
            Map<String, Long> reasons, Map<String, Long> assignmentProblems) {}

    record ChangeRequest(String registerId, String kind, String reason, String unitKey) {}

    record Decision(String registerId, boolean eligible, List<String> reasons, String unitKey, String assignment,
            String ruleLines, boolean onRoll) {}

    private final RegisterStore store;
    private final SetupDirectory setup;
    private final AccessPolicy access;
    private final AuditLog audit;

    RegisterService(RegisterStore store, SetupDirectory setup, AccessPolicy access, AuditLog audit) {
        this.store = store;
        this.setup = setup;
        this.access = access;
        this.audit = audit;
    }

    // --- access ------------------------------------------------------------------------------

    /** Personal data and changes are for administrators only: any other role gets 403 before anything is looked up. */
    void requireAdministrator() {
        if (!access.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("the electoral roll is for administrators");
        }
    }

    ElectionDay day(long dayId) {
        return setup.day(dayId).orElseThrow(() -> new NotFoundException("election day", dayId));
    }

    Election election(long electionId) {
        return setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
    }

    private boolean canReadUnit(long dayId, long unitId) {
        return access.canManageDay(dayId)
                || setup.unitAreas(unitId).values().stream().anyMatch(a -> access.covers(Role.ADMIN, a.id()));
    }

    // --- imports -------------------------------------------------------------------------------

    @Transactional
    public ImportSummary importResidents(long dayId, String fileName, InputStream in) {
        requireAdministrator();
        day(dayId);
        access.requireManageDay(dayId);
        refuseWhenChanged(dayId);
        String file = fileName == null || fileName.isBlank() ? "melderegister.csv" : fileName;
        int discarded = store.deleteRollsOfDay(dayId);
        store.deleteResidents(dayId);
        MessageDigest sha = sha256();
        RegisterStore.ResidentWriter writer = store.residentWriter(dayId);
        long rows;
        try {
            rows = ResidentRegisterReader.read(new DigestInputStream(in, sha), file, writer);
        } catch (ImportException e) {
            throw new RegisterImportRejected(e.problems()); // rolls back what the writer already sent
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer.flush();
        String hash = HexFormat.of().formatHex(sha.digest());
        store.saveFile(dayId, "RESIDENTS", file, hash, rows, access.current().username());
        ImportSummary summary = new ImportSummary(file, hash, rows, discarded);
        audit.record("import-register", "election_day", dayId, null, summary);
        return summary;
    }

    @Transactional
    public ImportSummary importStreets(long dayId, String fileName, byte[] bytes) {
        requireAdministrator();
        day(dayId);
        access.requireManageDay(dayId);
        String file = fileName == null || fileName.isBlank() ? "strassenverzeichnis.csv" : fileName;
        List<StreetRule> rules;
        try {
            rules = StreetIndexReader.read(new ByteArrayInputStream(bytes), file);
        } catch (ImportException e) {
            throw new RegisterImportRejected(e.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> units = pollingUnits(dayId);
        List<ImportProblem> problems = new ArrayList<>();
        for (StreetRule r : rules) {
            if (!units.containsKey(r.unitKey())) {
                problems.add(ImportProblem.of(file, r.line(), StreetIndexReader.UNIT, "unknown-polling-unit", r.unitKey()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RegisterImportRejected(problems.subList(0, Math.min(100, problems.size())));
        }
        store.replaceRules(dayId, rules, units);
        String hash = HexFormat.of().formatHex(sha256().digest(bytes));
        store.saveFile(dayId, "STREETS", file, hash, rules.size(), access.current().username());
        ImportSummary summary = new ImportSummary(file, hash, rules.size(), 0);
        audit.record("import-street-index", "election_day", dayId, null, summary);
        return summary;
    }

    private Map<String, Long> pollingUnits(long dayId) {
        Map<String, Long> m = new HashMap<>();
        for (ReportingUnit u : setup.units(dayId)) {
            if (u.kind() == UnitKind.POLLING) {
                m.put(u.officialKey(), u.id());
            }
        }
        return m;
    }

    private void refuseWhenChanged(long dayId) {
        if (store.changeCountOfDay(dayId) > 0) {
            throw new InvalidInputException(FieldProblem.of("file", "register.error.changesRecorded"));
        }
    }

    // --- building ------------------------------------------------------------------------------

    /** The Land of the day: from the municipality's AGS among its areas, if there is exactly one Land. */
    State defaultState(long dayId) {
        Set<State> states = setup.areas(dayId).stream().map(Area::officialKey)
                .filter(k -> k.matches("\\d{8}")).map(State::ofKey).filter(s -> s != null)
                .collect(Collectors.toSet());
        return states.size() == 1 ? states.iterator().next() : null;
    }

    @Transactional
    public BuildSummary build(long electionId, BuildRequest request) {
        requireAdministrator();
        Election election = election(electionId);
        long dayId = election.electionDayId();
        ElectionDay day = day(dayId);
        access.requireManageDay(dayId);
        List<FieldProblem> problems = new ArrayList<>();
        State state = null;
        if (request != null && request.state() != null && !request.state().isBlank()) {
            try {
                state = State.valueOf(request.state().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("state", "register.error.state"));
            }
        } else {
            state = defaultState(dayId);
            if (state == null) {
                problems.add(FieldProblem.of("state", "register.error.state"));
            }
        }
        LocalDate cutoff = request == null || request.cutoff() == null
                ? EligibilityRules.defaultCutoff(day.date()) : request.cutoff();
        if (cutoff.isAfter(day.date())) {
            problems.add(FieldProblem.of("cutoff", "register.error.cutoff"));
        }
        if (request != null && request.minAge() != null && (request.minAge() < 14 || request.minAge() > 21)) {
            problems.add(FieldProblem.of("minAge", "register.error.minAge"));
        }
        if (store.changeCount(electionId) > 0) {
            problems.add(FieldProblem.of("roll", "register.error.changesRecorded"));
        }
        if (store.residentCount(dayId) == 0) {
            problems.add(FieldProblem.of("roll", "register.error.noResidents"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        EligibilityRules rules = EligibilityRules.of(election.kind(), state, day.date(), cutoff);
        if (request != null && request.minAge() != null) {
            rules = rules.withMinAge(request.minAge());
        }
        Eligibility eligibility = new Eligibility(rules);
        StreetIndex index = new StreetIndex(store.rules(dayId)); // unit keys are unit ids here
        store.deleteRoll(electionId);
        store.insertRoll(electionId, state.name(), cutoff, rules.minAge(), access.current().username());
        Map<String, Long> reasons = new LinkedHashMap<>();
        Map<String, Long> problemsCount = new LinkedHashMap<>();
        List<Object[]> batch = new ArrayList<>(RegisterStore.BATCH);
        store.forEachResident(dayId, sr -> {
            Set<Reason> why = eligibility.decide(sr.resident());
            why.forEach(r -> reasons.merge(r.name(), 1L, Long::sum));
            Long unitId = null;
            String problem = null;
            String lines = null;
            if (why.isEmpty()) {
                Assignment a = index.assign(sr.resident().street(), sr.resident().postalCode(), sr.resident().houseNumber());
                unitId = a.assigned() ? Long.valueOf(a.unitKey()) : null;
                problem = a.problem() == null ? null : a.problem().name();
                lines = a.ruleLines().stream().map(String::valueOf).collect(Collectors.joining(","));
                if (problem != null) {
                    problemsCount.merge(problem, 1L, Long::sum);
                }
            }
            batch.add(new Object[] {electionId, sr.id(), why.isEmpty(),
                why.stream().map(Enum::name).collect(Collectors.joining(",")), unitId, problem, lines, unitId != null});
            if (batch.size() == RegisterStore.BATCH) {
                store.insertEntries(batch);
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            store.insertEntries(batch);
        }
        BuildSummary summary = new BuildSummary(electionId, state.name(), cutoff, rules.minAge(),
                store.summary(electionId), reasons, problemsCount);
        audit.record("build-roll", "election", electionId, null, summary);
        return summary;
    }

    // --- reading -------------------------------------------------------------------------------

    /** Counts per polling district (A1 without, A2 with polling card): for every staff member of the day. */
    @Transactional(readOnly = true)
    public List<RegisterStore.UnitCount> counts(long electionId) {
        Election e = election(electionId);
        access.requireViewDay(e.electionDayId());
        return store.counts(electionId);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> summary(long electionId) {
        Election e = election(electionId);
        access.requireViewDay(e.electionDayId());
        return store.summary(electionId);
    }

    @Transactional
    public List<RegisterStore.Entry> unitRoll(long electionId, long unitId) {
        requireAdministrator();
        Election e = election(electionId);
        ReportingUnit unit = setup.unit(unitId).filter(u -> u.electionDayId() == e.electionDayId())
                .orElseThrow(() -> new NotFoundException("unit", unitId));
        if (!canReadUnit(e.electionDayId(), unit.id())) {
            throw new AccessDeniedException("unit " + unitId + " is outside the user's scope");
        }
        List<RegisterStore.Entry> entries = store.unitRoll(electionId, unitId);
        audit.record("read-roll", "reporting_unit", unitId, null,
                Map.of("election", electionId, "view", "roll", "persons", entries.size()));
        return entries;
    }

    @Transactional
    public List<RegisterStore.Entry> unassigned(long electionId) {
        requireAdministrator();
        Election e = election(electionId);
        access.requireManageDay(e.electionDayId());
        List<RegisterStore.Entry> entries = store.unassigned(electionId);
        audit.record("read-roll", "election", electionId, null, Map.of("view", "unassigned", "persons", entries.size()));
        return entries;
    }

    @Transactional
    public List<RegisterStore.Change> changes(long electionId) {
        requireAdministrator();
        Election e = election(electionId);
        access.requireManageDay(e.electionDayId());
        List<RegisterStore.Change> changes = store.changes(electionId);
        audit.record("read-roll", "election", electionId, null, Map.of("view", "changes", "persons", changes.size()));
        return changes;
    }

    /** One person's decision with every reason: what the office reads out when it explains a refusal. */
    @Transactional
    public Decision decision(long electionId, String registerId) {
        requireAdministrator();
        Election e = election(electionId);
        access.requireManageDay(e.electionDayId());
        long residentId = store.residentId(e.electionDayId(), registerId)
                .orElseThrow(() -> new NotFoundException("resident", registerId));
        RegisterStore.Entry entry = store.entry(electionId, residentId)
                .orElseThrow(() -> new NotFoundException("roll entry", registerId));
        audit.record("read-roll", "election", electionId, null, Map.of("view", "decision", "registerId", registerId));
        return new Decision(registerId, entry.eligible(),
                entry.reasons().isEmpty() ? List.of() : List.of(entry.reasons().split(",")),
                entry.unitId() == null ? null : setup.unit(entry.unitId()).map(ReportingUnit::officialKey).orElse(null),
                entry.assignment(), entry.ruleLines(), entry.onRoll());
    }

    // --- changes -------------------------------------------------------------------------------

    /** A change after the cut-off: recorded with kind and reason, applied to the entry, audited — never silent. */
    @Transactional
    public RegisterStore.Change change(long electionId, ChangeRequest request) {
        requireAdministrator();
        Election e = election(electionId);
        long dayId = e.electionDayId();
        access.requireManageDay(dayId);
        if (store.roll(electionId).isEmpty()) {
            throw new InvalidInputException(FieldProblem.of("roll", "register.error.noRoll"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        ChangeKind kind = null;
        try {
            kind = request.kind() == null ? null : ChangeKind.valueOf(request.kind());
        } catch (IllegalArgumentException ex) {
            // reported below
        }
        if (kind == null) {
            problems.add(FieldProblem.of("kind", "register.error.kind"));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(FieldProblem.of("reason", "register.error.reason"));
        } else if (request.reason().length() > 1000) {
            problems.add(FieldProblem.of("reason", "register.error.reasonLength"));
        }
        Long residentId = request.registerId() == null ? null
                : store.residentId(dayId, request.registerId().strip()).orElse(null);
        if (residentId == null) {
            problems.add(FieldProblem.of("registerId", "register.error.resident"));
        }
        Long toUnit = null;
        if (request.unitKey() != null && !request.unitKey().isBlank()) {
            toUnit = pollingUnits(dayId).get(request.unitKey().strip());
            if (toUnit == null) {
                problems.add(FieldProblem.of("unitKey", "register.error.unit"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RegisterStore.Entry before = store.entry(electionId, residentId).orElseThrow();
        if (kind.onRollAfter == before.onRoll() && kind != ChangeKind.MOVED_WITHIN) {
            throw new InvalidInputException(FieldProblem.of("kind",
                    before.onRoll() ? "register.error.alreadyOnRoll" : "register.error.notOnRoll"));
        }
        Long newUnit;
        switch (kind) {
            case MOVED_WITHIN -> {
                if (!before.onRoll()) {
                    throw new InvalidInputException(FieldProblem.of("kind", "register.error.notOnRoll"));
                }
                if (toUnit == null || toUnit.equals(before.unitId())) {
                    throw new InvalidInputException(FieldProblem.of("unitKey", "register.error.unit"));
                }
                newUnit = toUnit;
            }
            case OBJECTION_ADD, ADDED_BY_DECISION -> {
                newUnit = toUnit != null ? toUnit : before.unitId();
                if (newUnit == null) {
                    throw new InvalidInputException(FieldProblem.of("unitKey", "register.error.unit"));
                }
            }
            default -> newUnit = before.unitId();
        }
        store.updateEntry(electionId, residentId, newUnit, kind.onRollAfter);
        String actor = access.current().username();
        long id = store.insertChange(electionId, residentId, kind.name(), request.reason().strip(), before.unitId(),
                newUnit, actor);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("registerId", before.registerId());
        was.put("onRoll", before.onRoll());
        was.put("unitId", before.unitId());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("registerId", before.registerId());
        now.put("onRoll", kind.onRollAfter);
        now.put("unitId", newUnit);
        now.put("kind", kind.name());
        now.put("reason", request.reason().strip());
        audit.record("roll-change", "roll_change", id, was, now);
        return store.changes(electionId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<RegisterStore.FileInfo> files(long dayId) {
        day(dayId);
        access.requireViewDay(dayId);
        return store.files(dayId);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<RegisterStore.RollInfo> roll(long electionId) {
        return store.roll(electionId);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
