package de.wahlwerk.server.entry;

import de.wahlwerk.core.check.Finding;
import de.wahlwerk.core.check.Severity;
import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.Scope;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.setup.SetupReads;
import de.wahlwerk.server.web.ConflictException;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one set of rules for every way a quick report arrives (town-hall form, board chair's phone,
 * JSON API): who may report for the unit, when, field syntax, plausibility (errors block, warnings
 * need a reason), the two-person rule and corrections. Every version is kept; only confirmed
 * versions count.
 */
@Service
public class EntryService {

    /** Election times are local German time (§ 47 BWO: polls close at 18:00). */
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** No unit has anywhere near this many voters; larger numbers are typing errors. */
    static final long MAX_VALUE = 10_000_000L;

    private final SetupDirectory setup;
    private final de.wahlwerk.server.setup.SetupCache cache;
    private final ReportForms forms;
    private final ReportStore reports;
    private final EntrySettingsStore settings;
    private final EntryChecks checks;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    EntryService(SetupDirectory setup, ReportForms forms, ReportStore reports, EntrySettingsStore settings,
            EntryChecks checks, AccessPolicy access, AuditLog audit, java.util.Optional<Clock> clock,
            org.springframework.context.MessageSource messages,
            org.springframework.context.ApplicationEventPublisher events, de.wahlwerk.server.setup.SetupCache cache) {
        this.cache = cache;
        this.messages = messages;
        this.events = events;
        this.setup = setup;
        this.forms = forms;
        this.reports = reports;
        this.settings = settings;
        this.checks = checks;
        this.access = access;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The form of a unit, for the entry page; checks that the user may report for the unit. */
    @Transactional(readOnly = true)
    public ReportForm formFor(long electionId, long unitId) {
        return formFor(cache.view(), electionId, unitId);
    }

    private ReportForm formFor(SetupReads now, long electionId, long unitId) {
        Election election = election(now, electionId);
        ReportingUnit unit = unit(now, election, unitId);
        requireMayEnter(now, unit);
        return forms.form(now, election, unit);
    }

    /** The form of a unit for reading (review, history): any staff role covering the unit. */
    @Transactional(readOnly = true)
    public ReportForm formForReading(long electionId, long unitId) {
        SetupReads now = cache.view();
        Election election = election(now, electionId);
        ReportingUnit unit = unit(now, election, unitId);
        requireMayView(now, unit);
        return forms.form(now, election, unit);
    }

    /**
     * Validates and stores a report. Throws {@link InvalidInputException} with problems per field
     * (letters, or {@code warning.<code>} for warnings that need a reason); nothing is stored then.
     */
    @Transactional
    public SubmitResult submit(Submission s, String actor) {
        // The unit's lock (and the ballot lock shared) before the unit and its form are read: a
        // nomination or district edit waited for then is seen, so the report is checked and stored
        // against the ballot and district as they are at commit, not as they were before the edit.
        // Taken before the access check: it costs no round trip of its own and is held only until
        // an unauthorised request's rollback.
        reports.lockUnit(s.electionId(), s.unitId());
        // The retry of a submission looks for its first answer under the lock: a retry sent while
        // the first is still being stored waits for it and gets its answer, not a unique-key error.
        if (s.idempotencyKey() != null) {
            var earlier = reports.byIdempotencyKey(s.electionId(), s.idempotencyKey());
            if (earlier.isPresent()) {
                if (earlier.get().unitId() != s.unitId()) {
                    throw new InvalidInputException(FieldProblem.of("idempotencyKey", "entry.idempotencyReused"));
                }
                return new SubmitResult(earlier.get().id(), earlier.get().status(), true);
            }
        }
        // The set-up as of now, after the lock: one statement (its version) where it has not
        // changed since the last report, which is every report of a night (ADR 0009).
        var now = cache.view();
        Election election = election(now, s.electionId());
        ReportingUnit unit = unit(now, election, s.unitId());
        if (s.channel() != Submission.Channel.PHONE) {
            requireMayEnter(now, unit);
        }
        refuseCountedWith(unit, "entry.countedWith");
        EntrySettings config = settingsIn(now, election.id());
        requirePollsClosed(now, election, config);

        ReportForm form = forms.form(now, election, unit);
        Map<String, Long> values = parse(form, s.rawValues());
        List<Finding> findings = checks.check(now, form, values, config);
        List<FieldProblem> problems = new ArrayList<>();
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                problems.add(FieldProblem.of(f.field(), "entry.finding", f.code(), f.message(locale())));
            } else {
                String reason = s.warningReasons().get(f.code());
                if (reason == null || reason.isBlank()) {
                    problems.add(FieldProblem.of("warning." + f.code(), "entry.warningNeedsReason", f.code(),
                            f.message(locale())));
                } else if (reason.length() > 1000) {
                    problems.add(FieldProblem.of("warning." + f.code(), "entry.reasonTooLong"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }

        // Versions of the unit are read under its lock (taken above): a decision taken meanwhile is seen, not overwritten.
        List<StoredReport> history = reports.ofUnit(election.id(), unit.id());
        StoredReport confirmed = history.stream().filter(r -> r.status() == ReportStatus.CONFIRMED).findFirst().orElse(null);
        String reason = blankToNull(s.correctionReason());
        if (confirmed != null && reason == null) {
            throw new InvalidInputException(FieldProblem.of("correctionReason", "entry.correctionNeedsReason"));
        }
        String kind = confirmed == null ? "ENTRY" : "CORRECTION";
        List<StoredReport> pending = history.stream().filter(r -> r.status() == ReportStatus.PENDING).toList();

        long id;
        ReportStatus status;
        if (config.twoPersonMode() == EntrySettings.TwoPersonMode.DOUBLE_ENTRY && !pending.isEmpty()) {
            if (pending.stream().anyMatch(p -> p.enteredBy().equals(actor))) {
                throw new InvalidInputException(FieldProblem.of(null, "entry.secondEntrySamePerson"));
            }
            StoredReport match = pending.stream().filter(p -> sameValues(p.values(), values)).findFirst().orElse(null);
            if (match != null) {
                audit.lockConfirmationChain(); // before the entry's own audit entry: one chain per transaction
                id = insert(s, election, unit, form, values, kind, ReportStatus.MATCHED, actor, reason, findings);
                confirm(match, actor, history);
                status = ReportStatus.MATCHED;
            } else {
                id = insert(s, election, unit, form, values, kind, ReportStatus.PENDING, actor, reason, findings);
                status = ReportStatus.PENDING;
            }
        } else {
            // Entry + approval: a newer entry replaces an older one still waiting (the latest typing wins review).
            for (StoredReport p : pending) {
                supersede(p, actor);
            }
            id = insert(s, election, unit, form, values, kind, ReportStatus.PENDING, actor, reason, findings);
            status = ReportStatus.PENDING;
        }
        return new SubmitResult(id, status, false);
    }

    /** What the checks say about values being typed, without storing anything (live feedback at the field). */
    public record Preview(String field, String severity, String message) {}

    @Transactional(readOnly = true)
    public List<Preview> preview(long electionId, long unitId, Map<String, String> raw) {
        var now = cache.view();
        ReportForm form = formFor(now, electionId, unitId);
        Map<String, Long> values;
        try {
            values = parse(form, raw);
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> new Preview(p.field(), "ERROR", problemText(p))).toList();
        }
        return checks.check(now, form, values, settingsIn(now, electionId)).stream()
                .map(f -> new Preview(f.field(), f.severity().name(), f.code() + ": " + f.message(locale())))
                .toList();
    }

    private String problemText(FieldProblem p) {
        return messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(), locale());
    }

    /**
     * Confirms a pending version; the approver must not be who entered it. Of two people deciding
     * on the same version at once, the second learns what the first decided (409). Returns the
     * version as decided, read in the same transaction (the API answers with it).
     */
    @Transactional
    public StoredReport approve(long reportId) {
        StoredReport seen = reports.find(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
        SetupReads now = cache.view();
        Election election = election(now, seen.electionId());
        ReportingUnit unit = unit(now, election, seen.unitId());
        requireMayApprove(now, unit);
        // A district edit refuses "counted with a neighbour" while a report waits (under the unit's
        // lock); this only guards against a report from elsewhere, on the unit already read.
        refuseCountedWith(unit, "entry.approveCountedWith");
        String actor = access.current().username();
        Locked locked = lockedForDecision(seen);
        StoredReport r = locked.report();
        if (r.enteredBy().equals(actor)) {
            throw new InvalidInputException(FieldProblem.of(null, "entry.approveOwn"));
        }
        confirm(r, actor, locked.history());
        return decided(reportId);
    }

    /** The version as this transaction decided it (who may decide on a unit may also read it). */
    private StoredReport decided(long reportId) {
        return reports.find(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
    }

    /** Turns a pending version down; the reason is kept and shown in the history. Returns the version as decided. */
    @Transactional
    public StoredReport reject(long reportId, String reason) {
        StoredReport seen = reports.find(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
        SetupReads now = cache.view();
        Election election = election(now, seen.electionId());
        requireMayApprove(now, unit(now, election, seen.unitId()));
        if (blankToNull(reason) == null) {
            throw new InvalidInputException(FieldProblem.of("reason", "entry.rejectNeedsReason"));
        }
        StoredReport r = lockedForDecision(seen).report();
        if (!reports.decide(reportId, ReportStatus.PENDING, ReportStatus.REJECTED, access.current().username(),
                reason.strip())) {
            throw decidedMeanwhile(reports.find(reportId).orElseThrow());
        }
        audit.record("reject-report", "quick_report", reportId, Map.of("status", "PENDING"),
                Map.of("status", "REJECTED", "reason", reason.strip()));
        events.publishEvent(new ReportChanged(r.electionId(), r.unitId()));
        return decided(reportId);
    }

    @Transactional(readOnly = true)
    public List<StoredReport> history(long electionId, long unitId) {
        SetupReads now = cache.view();
        Election election = election(now, electionId);
        ReportingUnit unit = unit(now, election, unitId);
        requireMayView(now, unit);
        return reports.ofUnit(electionId, unitId);
    }

    @Transactional(readOnly = true)
    public StoredReport report(long id) {
        StoredReport r = reports.find(id).orElseThrow(() -> new NotFoundException("report", id));
        SetupReads now = cache.view();
        requireMayView(now, unit(now, election(now, r.electionId()), r.unitId()));
        return r;
    }

    /** Reports waiting for a decision in units the user may approve. */
    @Transactional(readOnly = true)
    public List<StoredReport> pending(long electionId) {
        SetupReads now = cache.view();
        Election election = election(now, electionId);
        return reports.pending(electionId).stream()
                .filter(r -> mayApprove(now, unit(now, election, r.unitId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public EntrySettings settings(long electionId) {
        election(electionId);
        return settings.get(electionId);
    }

    @Transactional
    public void updateSettings(EntrySettings s) {
        Election election = election(s.electionId());
        access.requireManageDay(election.electionDayId());
        EntrySettings before = settings.get(s.electionId());
        checks.validateThresholds(s.thresholds());
        // A rehearsal copy stays a rehearsal: it must never start taking real reports.
        EntrySettings effective = before.rehearsalOf() == null ? s
                : new EntrySettings(s.electionId(), s.twoPersonMode(), s.thresholds(), true, before.rehearsalOf());
        settings.put(effective);
        audit.record("update", "entry_settings", s.electionId(), before, effective);
    }

    // --- internals ---

    /**
     * The election's entry settings as of the view's set-up version: a change of them raises the
     * version (V14), so they are read once per version, not once per report.
     */
    private EntrySettings settingsIn(de.wahlwerk.server.setup.SetupCache.SetupView now, long electionId) {
        return now.derived(new SettingsOf(electionId), () -> settings.get(electionId));
    }

    /** The key the settings are kept under in a view of the set-up. */
    private record SettingsOf(long electionId) {}

    private long insert(Submission s, Election election, ReportingUnit unit, ReportForm form, Map<String, Long> values,
            String kind, ReportStatus status, String actor, String reason, List<Finding> findings) {
        long id = reports.insert(election.id(), unit.id(), kind, status, ReportValues.encode(form, values),
                s.channel().name(), actor, reason, s.idempotencyKey());
        Map<String, String> confirmedWarnings = new LinkedHashMap<>();
        for (Finding f : findings) {
            // One reason per code, even where a rule warns about several fields (e.g. two lists).
            if (f.severity() == Severity.WARNING && !confirmedWarnings.containsKey(f.code())) {
                String why = s.warningReasons().get(f.code()).strip();
                reports.warning(id, f.code(), why);
                confirmedWarnings.put(f.code(), why);
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("unit", unit.officialKey());
        after.put("kind", kind);
        after.put("status", status.name());
        after.put("channel", s.channel().name());
        after.put("values", values);
        after.put("warnings", confirmedWarnings);
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.recordAs(actor, "enter-report", "quick_report", id, null, after);
        events.publishEvent(new ReportChanged(election.id(), unit.id()));
        return id;
    }

    /** A version under its unit's lock, with every version of the unit as they are under it. */
    private record Locked(StoredReport report, List<StoredReport> history) {}

    /**
     * The version as it is once this transaction holds its unit's lock, still waiting for a
     * decision; else the answer says who decided it meanwhile. The unit's versions are read once
     * under the lock, and the version is taken from them.
     */
    private Locked lockedForDecision(StoredReport seen) {
        reports.lockUnit(seen.electionId(), seen.unitId());
        List<StoredReport> history = reports.ofUnit(seen.electionId(), seen.unitId());
        StoredReport now = history.stream().filter(h -> h.id() == seen.id()).findFirst()
                .orElseThrow(() -> new NotFoundException("report", seen.id()));
        if (now.status() != ReportStatus.PENDING) {
            throw decidedMeanwhile(now);
        }
        return new Locked(now, history);
    }

    /** A unit counted with its neighbour (§ 68 Abs. 2 BWO) has no report of its own; the neighbour's covers it. */
    private void refuseCountedWith(ReportingUnit unit, String messageKey) {
        if (unit.countedWithUnitId() != null) {
            String other = setup.unit(unit.countedWithUnitId()).map(ReportingUnit::officialKey).orElse("?");
            throw new InvalidInputException(FieldProblem.of(null, messageKey, unit.officialKey(), other));
        }
    }

    /** 409 naming what became of a version that is no longer pending, and who did it. */
    private static ConflictException decidedMeanwhile(StoredReport r) {
        String by = r.decidedBy() == null ? "?" : r.decidedBy();
        return new ConflictException(switch (r.status()) {
            case CONFIRMED -> FieldProblem.of(null, "entry.decided.confirmed", by);
            case REJECTED -> FieldProblem.of(null, "entry.decided.rejected", by, r.reason());
            case SUPERSEDED -> FieldProblem.of(null, "entry.decided.superseded", by);
            default -> FieldProblem.of(null, "entry.notPending");
        });
    }

    /** Retires a pending or confirmed version; the caller holds the unit's lock, so it has not changed since read. */
    private void supersede(StoredReport h, String actor) {
        if (!reports.decide(h.id(), h.status(), ReportStatus.SUPERSEDED, actor, null)) {
            throw decidedMeanwhile(reports.find(h.id()).orElseThrow());
        }
    }

    private void confirm(StoredReport r, String actor, List<StoredReport> history) {
        StoredReport previous = history.stream().filter(h -> h.status() == ReportStatus.CONFIRMED).findFirst().orElse(null);
        if (previous != null) {
            supersede(previous, actor);
        }
        for (StoredReport h : history) {
            if (h.status() == ReportStatus.PENDING && h.id() != r.id()) {
                supersede(h, actor);
            }
        }
        // The report sequence is held from its number to the commit, and every confirmation of every
        // node queues for it: everything else comes before it, the audit entry too (so it does not
        // carry the number; the report's row does), and only the commit after it (ADR 0006).
        audit.lockConfirmationChain();
        audit.recordAs(actor, "confirm-report", "quick_report", r.id(),
                previous == null ? null : Map.of("confirmedReport", previous.id(), "values", previous.values()),
                Map.of("confirmedReport", r.id(), "values", r.values()));
        long seq = reports.confirm(r.id(), actor)
                .orElseThrow(() -> decidedMeanwhile(reports.find(r.id()).orElseThrow()));
        events.publishEvent(new ReportChanged(r.electionId(), r.unitId(), seq));
    }

    private Map<String, Long> parse(ReportForm form, Map<String, String> raw) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Long> values = new LinkedHashMap<>();
        java.util.Set<String> letters = new java.util.HashSet<>();
        form.fields().forEach(f -> letters.add(f.letter()));
        for (String key : raw.keySet()) {
            if (!letters.contains(key)) {
                problems.add(FieldProblem.of(key, "entry.unknownField", key));
            }
        }
        for (FormField f : form.fields()) {
            String text = raw.get(f.letter());
            if (text == null || text.isBlank()) {
                values.put(f.letter(), null);
                continue;
            }
            String t = text.strip();
            if (!t.matches("\\d{1,12}")) {
                problems.add(FieldProblem.of(f.letter(), t.startsWith("-") ? "entry.negative" : "entry.notANumber",
                        f.letter(), t.length() > 20 ? t.substring(0, 20) + "…" : t));
                continue;
            }
            long v = Long.parseLong(t);
            if (v > MAX_VALUE) {
                problems.add(FieldProblem.of(f.letter(), "entry.tooLarge", f.letter(), MAX_VALUE));
                continue;
            }
            values.put(f.letter(), v);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return values;
    }

    private static boolean sameValues(Map<String, Long> a, Map<String, Long> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().allMatch(k -> Objects.equals(a.get(k), b.get(k)));
    }

    private void requirePollsClosed(SetupReads now, Election election, EntrySettings config) {
        if (config.rehearsal()) {
            return;
        }
        ElectionDay day = now.day(election.electionDayId()).orElseThrow();
        ZonedDateTime close = day.date().atTime(day.pollsClose()).atZone(ZONE);
        if (ZonedDateTime.now(clock.withZone(ZONE)).isBefore(close)) {
            throw new InvalidInputException(FieldProblem.of(null, "entry.beforePollsClose",
                    day.pollsClose().toString()));
        }
    }

    private Election election(long id) {
        return election(setup, id);
    }

    private static Election election(SetupReads reads, long id) {
        return reads.election(id).orElseThrow(() -> new NotFoundException("election", id));
    }

    private static ReportingUnit unit(SetupReads reads, Election election, long unitId) {
        ReportingUnit u = reads.unit(unitId).orElseThrow(() -> new NotFoundException("unit", unitId));
        if (u.electionDayId() != election.electionDayId()) {
            throw new NotFoundException("unit", unitId);
        }
        return u;
    }

    private boolean covers(SetupReads reads, ReportingUnit unit, Role... roles) {
        for (Area a : reads.unitAreas(unit.id()).values()) {
            List<Scope> chain = reads.ancestorsOrSelf(a.id()).stream()
                    .map(up -> new Scope(up.hierarchy(), up.officialKey())).toList();
            if (access.coversAny(chain, roles)) {
                return true;
            }
        }
        return false;
    }

    private void requireMayEnter(SetupReads reads, ReportingUnit unit) {
        if (!covers(reads, unit, Role.CLERK, Role.ADMIN)) {
            throw new AccessDeniedException("unit " + unit.officialKey() + " is not assigned to this user");
        }
    }

    private boolean mayApprove(SetupReads reads, ReportingUnit unit) {
        return covers(reads, unit, Role.APPROVER, Role.ADMIN);
    }

    private void requireMayApprove(SetupReads reads, ReportingUnit unit) {
        if (!mayApprove(reads, unit)) {
            throw new AccessDeniedException("user may not approve reports of unit " + unit.officialKey());
        }
    }

    private void requireMayView(SetupReads reads, ReportingUnit unit) {
        if (!covers(reads, unit, Role.values())) {
            throw new NotFoundException("unit", unit.id());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static java.util.Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
}
