package de.wahlwerk.server.pollworkers;

import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.pollworkers.AssignmentStatus;
import de.wahlwerk.core.pollworkers.BoardComposition;
import de.wahlwerk.core.pollworkers.BoardRole;
import de.wahlwerk.core.pollworkers.Replacements;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.register.RollDirectory;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.AreaScopes;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.Scope;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The poll-worker office: the pool of people, the boards of a day, appointments and their status.
 *
 * <p>Who: administrators and the poll-worker office (role {@code POLL_WORKER_OFFICE}) of the
 * election day's scope or above; nobody else sees personal data of poll workers. Every read of
 * personal data is audited as {@code read-pollworkers} (what was shown, how many people), every
 * change with its own action. Audit entries carry ids and statuses, never names or addresses, so
 * that the purge after the retention period really removes the person.
 */
@Service
public class PollWorkerService {

    /** One board of the overview: the unit, its station, active members and what is missing. */
    public record Board(ReportingUnit unit, PollingStation station, List<Member> members, Map<BoardRole, Integer> gaps) {
        public int missing() {
            return gaps.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** An appointment with the person's name (for the office pages). */
    public record Member(BoardAssignment assignment, PollWorker worker) {}

    /** A person of the pool and where they stand on this day. */
    public record PoolEntry(PollWorker worker, BoardAssignment today) {}

    public record Overview(ElectionDay day, List<Board> boards, List<PoolEntry> pool, Map<UnitKind, BoardComposition> composition,
            List<PollWorkerStore.Material> materials, int members, int missing) {}

    /** A possible replacement with how near they live and why they would fit. */
    public record Suggestion(PollWorker worker, Replacements.Nearness nearness, int boardsServed) {}

    public record BoardView(ElectionDay day, Board board, List<Member> history, BoardComposition composition,
            List<Suggestion> suggestions) {}

    public record WorkerView(ElectionDay day, PollWorker worker, EligibilityCheck.Result eligibility,
            List<BoardAssignment> history) {}

    /** Contact and address entered by the office or a volunteer. */
    public record WorkerInput(String familyName, String givenNames, LocalDate birthDate, String street, String houseNumber,
            String postalCode, String city, String email, String phone, String wishes) {}

    static final int SUGGESTIONS = 10;

    private final PollWorkerStore store;
    private final SetupDirectory setup;
    private final RollDirectory roll;
    private final EligibilityCheck eligibility;
    private final AccessPolicy access;
    private final AreaScopes scopes;
    private final AuditLog audit;

    PollWorkerService(PollWorkerStore store, SetupDirectory setup, RollDirectory roll, EligibilityCheck eligibility,
            AccessPolicy access, AreaScopes scopes, AuditLog audit) {
        this.store = store;
        this.setup = setup;
        this.roll = roll;
        this.eligibility = eligibility;
        this.access = access;
        this.scopes = scopes;
        this.audit = audit;
    }

    // --- access --------------------------------------------------------------------------------

    boolean isOffice(long dayId) {
        return access.holdsForDay(Role.ADMIN, dayId) || access.holdsForDay(Role.POLL_WORKER_OFFICE, dayId);
    }

    ElectionDay requireOffice(long dayId) {
        ElectionDay day = setup.day(dayId).orElseThrow(() -> new NotFoundException("election day", dayId));
        if (!isOffice(dayId)) {
            throw new AccessDeniedException("not the poll-worker office of election day " + dayId);
        }
        return day;
    }

    /** The days whose boards the user staffs. */
    @Transactional(readOnly = true)
    public List<ElectionDay> days() {
        Map<Long, ElectionDay> days = new LinkedHashMap<>();
        setup.allElections().forEach(e -> days.computeIfAbsent(e.electionDayId(), id -> setup.day(id).orElse(null)));
        return days.values().stream().filter(Objects::nonNull).filter(d -> isOffice(d.id()))
                .sorted((a, b) -> b.date().compareTo(a.date())).toList();
    }

    Scope scope(long dayId) {
        return scopes.dayScopeChain(dayId).getFirst();
    }

    ReportingUnit unitOfDay(long dayId, long unitId) {
        return setup.unit(unitId).filter(u -> u.electionDayId() == dayId)
                .orElseThrow(() -> new NotFoundException("reporting unit", unitId));
    }

    PollWorker workerOfDay(long dayId, long workerId) {
        Scope s = scope(dayId);
        return store.worker(workerId).filter(w -> w.scopeHierarchy().equals(s.hierarchy()) && w.scopeKey().equals(s.key()))
                .orElseThrow(() -> new NotFoundException("poll worker", workerId));
    }

    BoardAssignment assignmentOfDay(long dayId, long assignmentId) {
        return store.assignment(assignmentId).filter(a -> Objects.equals(a.electionDayId(), dayId))
                .orElseThrow(() -> new NotFoundException("assignment", assignmentId));
    }

    private void auditRead(String view, long dayId, Object what, int people) {
        audit.record("read-pollworkers", "election_day", dayId, null, Map.of("view", view, "of", String.valueOf(what),
                "people", people));
    }

    // --- composition ---------------------------------------------------------------------------

    BoardComposition composition(long dayId, UnitKind kind) {
        return store.assessors(dayId, kind.name()).map(BoardComposition::new).orElse(BoardComposition.FEDERAL_MINIMUM);
    }

    @Transactional
    public void setAssessors(long dayId, UnitKind kind, Integer assessors) {
        requireOffice(dayId);
        if (kind == null) {
            throw new InvalidInputException(FieldProblem.of("kind", "pollworkers.error.kind"));
        }
        if (assessors == null || assessors < BoardComposition.MIN_ASSESSORS || assessors > BoardComposition.MAX_ASSESSORS) {
            throw new InvalidInputException(FieldProblem.of("assessors", "pollworkers.error.assessors",
                    BoardComposition.MIN_ASSESSORS, BoardComposition.MAX_ASSESSORS));
        }
        Integer before = store.assessors(dayId, kind.name()).orElse(null);
        store.setAssessors(dayId, kind.name(), assessors);
        audit.record("set-board-requirement", "election_day", dayId, Map.of("kind", kind, "assessors", String.valueOf(before)),
                Map.of("kind", kind, "assessors", assessors));
    }

    // --- reads (audited) -----------------------------------------------------------------------

    @Transactional
    public Overview overview(long dayId) {
        ElectionDay day = requireOffice(dayId);
        Scope s = scope(dayId);
        List<PollWorker> pool = store.workers(s.hierarchy(), s.key());
        Map<Long, PollWorker> byId = new LinkedHashMap<>();
        pool.forEach(w -> byId.put(w.id(), w));
        List<BoardAssignment> assignments = store.assignmentsOfDay(dayId);
        Map<UnitKind, BoardComposition> composition = new LinkedHashMap<>();
        for (UnitKind k : UnitKind.values()) {
            composition.put(k, composition(dayId, k));
        }
        List<Board> boards = new ArrayList<>();
        int members = 0;
        int missing = 0;
        for (ReportingUnit u : setup.units(dayId)) {
            Board b = board(u, assignments, byId, composition.get(u.kind()));
            boards.add(b);
            members += b.members().size();
            missing += b.missing();
        }
        Map<Long, BoardAssignment> today = new LinkedHashMap<>();
        assignments.stream().filter(a -> a.status().active()).forEach(a -> today.put(a.workerId(), a));
        List<PoolEntry> entries = pool.stream().map(w -> new PoolEntry(w, today.get(w.id()))).toList();
        auditRead("day", dayId, dayId, pool.size());
        return new Overview(day, boards, entries, composition, store.materials(dayId), members, missing);
    }

    private Board board(ReportingUnit u, List<BoardAssignment> assignments, Map<Long, PollWorker> workers,
            BoardComposition composition) {
        List<Member> active = assignments.stream()
                .filter(a -> Objects.equals(a.unitId(), u.id()) && a.status().active())
                .map(a -> new Member(a, workers.get(a.workerId())))
                .toList();
        PollingStation station = u.pollingStationId() == null ? null : setup.station(u.pollingStationId()).orElse(null);
        return new Board(u, station, active, composition.gaps(active.stream().map(m -> m.assignment().role()).toList()));
    }

    @Transactional
    public BoardView boardView(long dayId, long unitId) {
        ElectionDay day = requireOffice(dayId);
        ReportingUnit unit = unitOfDay(dayId, unitId);
        Scope s = scope(dayId);
        List<PollWorker> pool = store.workers(s.hierarchy(), s.key());
        Map<Long, PollWorker> byId = new LinkedHashMap<>();
        pool.forEach(w -> byId.put(w.id(), w));
        List<BoardAssignment> all = store.assignmentsOfUnit(unitId);
        BoardComposition composition = composition(dayId, unit.kind());
        Board board = board(unit, all, byId, composition);
        List<Member> history = all.stream().filter(a -> !a.status().active())
                .map(a -> new Member(a, byId.get(a.workerId()))).toList();
        List<Suggestion> suggestions = suggestions(day, unit, board.station(), pool);
        auditRead("board", dayId, unit.officialKey(), board.members().size() + history.size() + suggestions.size());
        return new BoardView(day, board, history, composition, suggestions);
    }

    /** Eligible people of the pool without a board on the date, nearest first (see {@link Replacements}). */
    private List<Suggestion> suggestions(ElectionDay day, ReportingUnit unit, PollingStation station, List<PollWorker> pool) {
        EligibilityCheck.Day d = eligibility.day(day);
        Map<Long, PollWorker> byId = new LinkedHashMap<>();
        List<Replacements.Candidate> candidates = new ArrayList<>();
        for (PollWorker w : pool) {
            if (!store.activeOnDate(w.id(), day.date()).isEmpty()) {
                continue;
            }
            EligibilityCheck.Result r = eligibility.check(d, w, unit.id());
            if (!r.eligible()) {
                continue;
            }
            Long homeStation = r.homeUnitId() == null ? null
                    : setup.unit(r.homeUnitId()).map(ReportingUnit::pollingStationId).orElse(null);
            byId.put(w.id(), w);
            candidates.add(new Replacements.Candidate(w.id(), w.sortName(), r.homeUnitId(), homeStation, w.postalCode(),
                    (int) store.confirmedBoards(w.id())));
        }
        var target = new Replacements.Target(unit.id(), station == null ? null : station.id(),
                station == null ? null : station.postalCode());
        return Replacements.rank(target, candidates, SUGGESTIONS).stream()
                .map(c -> new Suggestion(byId.get(c.workerId()), Replacements.nearness(target, c), c.boardsServed()))
                .toList();
    }

    @Transactional
    public WorkerView workerView(long dayId, long workerId) {
        ElectionDay day = requireOffice(dayId);
        PollWorker w = workerOfDay(dayId, workerId);
        var today = store.activeOnDate(w.id(), day.date()).stream().findFirst();
        var result = eligibility.check(eligibility.day(day), w, today.map(BoardAssignment::unitId).orElse(null));
        auditRead("worker", dayId, workerId, 1);
        return new WorkerView(day, w, result, store.history(workerId));
    }

    /** Residents on the roll of a polling district, to recruit from the register (§ 9 Abs. 4 BWG). */
    @Transactional
    public List<RollDirectory.Voter> searchRegister(long dayId, long unitId, String text) {
        requireOffice(dayId);
        ReportingUnit unit = unitOfDay(dayId, unitId);
        var elections = setup.elections(dayId);
        if (elections.isEmpty()) {
            return List.of();
        }
        List<RollDirectory.Voter> found = roll.search(elections.getFirst().id(), unit.id(), text, 50);
        auditRead("register-search", dayId, unit.officialKey(), found.size());
        return found;
    }

    // --- changes -------------------------------------------------------------------------------

    @Transactional
    public long addWorker(long dayId, WorkerInput in) {
        requireOffice(dayId);
        return create(dayId, in, "OFFICE", null, access.current().username());
    }

    /** A volunteer's sign-up (public form): stored for the office of the day, audited without personal data. */
    @Transactional
    public long signUp(long dayId, WorkerInput in) {
        setup.day(dayId).orElseThrow(() -> new NotFoundException("election day", dayId));
        return create(dayId, in, "VOLUNTEER", null, "public");
    }

    private long create(long dayId, WorkerInput in, String source, String registerId, String actor) {
        WorkerInputs.validate(in);
        Scope s = scope(dayId);
        long id = store.insert(new PollWorkerStore.NewWorker(s.hierarchy(), s.key(), source, registerId,
                in.familyName().strip(), in.givenNames().strip(), in.birthDate(), in.street().strip(),
                in.houseNumber().strip(), in.postalCode().strip(), in.city().strip(), WorkerInputs.blankToNull(in.email()),
                WorkerInputs.blankToNull(in.phone()), WorkerInputs.blankToNull(in.wishes()), dayId));
        audit.recordAs(actor, "create-pollworker", "poll_worker", id, null, Map.of("source", source, "day", dayId));
        return id;
    }

    /** Takes a person from the roll into the pool (once per scope; the second time finds the first). */
    @Transactional
    public long recruitFromRegister(long dayId, String registerId, String phone, String email) {
        requireOffice(dayId);
        Scope s = scope(dayId);
        Optional<Long> existing = store.workerByRegisterId(s.hierarchy(), s.key(), registerId);
        if (existing.isPresent()) {
            return existing.get();
        }
        RollDirectory.Voter v = setup.elections(dayId).stream()
                .map(e -> roll.voter(e.id(), registerId)).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new InvalidInputException(FieldProblem.of("registerId", "pollworkers.error.notOnRoll")));
        WorkerInput in = new WorkerInput(v.familyName(), v.givenNames(), v.birthDate(), v.street(), v.houseNumber(),
                v.postalCode(), v.city(), email, phone, null);
        return create(dayId, in, "REGISTER", registerId, access.current().username());
    }

    /** Appoints a person of the pool to the unit's board; refused with reasons when not eligible or the role is taken. */
    @Transactional
    public long assign(long dayId, long unitId, long workerId, BoardRole role) {
        ElectionDay day = requireOffice(dayId);
        ReportingUnit unit = unitOfDay(dayId, unitId);
        PollWorker w = workerOfDay(dayId, workerId);
        if (role == null) {
            throw new InvalidInputException(FieldProblem.of("role", "pollworkers.error.role"));
        }
        var result = eligibility.check(eligibility.day(day), w, null);
        List<FieldProblem> problems = result.findings().stream().filter(f -> f.reason().blocking())
                .map(f -> FieldProblem.of("workerId", "pollworkers.reason." + f.reason().name(), f.detail()))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<BoardRole> held = store.assignmentsOfUnit(unitId).stream().filter(a -> a.status().active())
                .map(BoardAssignment::role).toList();
        if (!composition(dayId, unit.kind()).hasRoomFor(role, held)) {
            throw new InvalidInputException(FieldProblem.of("role", "pollworkers.error.roleTaken"));
        }
        long id;
        try {
            id = store.insertAssignment(workerId, dayId, unitId, day.date(), day.name(), unit.officialKey(), unit.name(),
                    role, access.current().username());
        } catch (DuplicateKeyException e) {
            // Another office member was quicker: same checks, now enforced by the unique indexes.
            throw new InvalidInputException(FieldProblem.of("role", "pollworkers.error.roleTaken"));
        }
        store.touch(workerId, day.date());
        audit.record("assign-pollworker", "board_assignment", id, null,
                Map.of("worker", workerId, "unit", unitId, "role", role, "status", AssignmentStatus.INVITED));
        return id;
    }

    /** The office records a confirmation, refusal or cancellation (e.g. by phone), with a reason. */
    @Transactional
    public void changeStatus(long dayId, long assignmentId, AssignmentStatus next, String reason) {
        requireOffice(dayId);
        assignmentOfDay(dayId, assignmentId);
        if (next == null) {
            throw new InvalidInputException(FieldProblem.of("status", "pollworkers.error.status"));
        }
        if (next != AssignmentStatus.CONFIRMED && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollworkers.error.reason"));
        }
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollworkers.error.tooLong", 500));
        }
        transition(assignmentId, next, reason, access.current().username());
    }

    /** Moves an appointment on (locked row), audited; shared by the office and the portal. */
    void transition(long assignmentId, AssignmentStatus next, String reason, String actor) {
        BoardAssignment a = store.assignmentForUpdate(assignmentId)
                .orElseThrow(() -> new NotFoundException("assignment", assignmentId));
        if (!a.status().canBecome(next)) {
            throw new InvalidInputException(FieldProblem.of("status", "pollworkers.error.transition",
                    a.status().name(), next.name()));
        }
        store.setStatus(assignmentId, next, reason == null || reason.isBlank() ? null : reason.strip(), actor);
        // The reason may name an illness: it stays in the assignment row (deleted with the person), not in the log.
        audit.recordAs(actor, "status-pollworker", "board_assignment", assignmentId, Map.of("status", a.status()),
                Map.of("status", next));
    }

    /**
     * Records the person's objection to being kept for future elections (§ 9 Abs. 4 BWG): the purge
     * deletes them once their last election day has passed.
     */
    @Transactional
    public void objection(long dayId, long workerId) {
        requireOffice(dayId);
        workerOfDay(dayId, workerId);
        store.objected(workerId);
        audit.record("object-pollworker", "poll_worker", workerId, null, Map.of("objected", true));
    }

    /** Issues a fresh portal link for the appointment (the old one stops working). */
    @Transactional
    public String issueToken(long assignmentId) {
        BoardAssignment a = store.assignment(assignmentId).orElseThrow(() -> new NotFoundException("assignment", assignmentId));
        String token = PortalTokens.newToken();
        store.setToken(assignmentId, PortalTokens.hash(token), PortalTokens.expiry(a.dayDate()));
        audit.record("issue-portal-link", "board_assignment", assignmentId, null, Map.of("expires", PortalTokens.expiry(a.dayDate())));
        return token;
    }

    // --- training material ---------------------------------------------------------------------

    @Transactional
    public long uploadMaterial(long dayId, String title, String fileName, byte[] content) {
        requireOffice(dayId);
        List<FieldProblem> problems = new ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            problems.add(FieldProblem.of("title", "pollworkers.error.title"));
        }
        String kind = TrainingKinds.kindOf(fileName, content);
        if (kind == null) {
            problems.add(FieldProblem.of("file", "pollworkers.error.material"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long id = store.insertMaterial(dayId, title.strip(), kind, content, access.current().username());
        audit.record("upload-training", "training_material", id, null, Map.of("day", dayId, "kind", kind, "title", title.strip(),
                "bytes", content.length));
        return id;
    }
}
