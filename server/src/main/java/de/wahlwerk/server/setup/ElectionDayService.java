package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.RoleGrant;
import de.wahlwerk.server.security.Scope;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Election days and their elections: validation, scope checks and audit around the store. */
@Service
public class ElectionDayService {

    private final ElectionDayStore store;
    private final AccessPolicy access;
    private final AuditLog audit;

    private final org.springframework.context.ApplicationEventPublisher events;

    ElectionDayService(ElectionDayStore store, AccessPolicy access, AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ElectionDayStore.Day> visibleDays() {
        return store.days().stream().filter(d -> access.canViewDay(d.day().id())).toList();
    }

    @Transactional(readOnly = true)
    public ElectionDayStore.Day day(long id) {
        var day = store.day(id).orElseThrow(() -> new NotFoundException("election day", id));
        if (!access.canViewDay(id)) {
            throw new NotFoundException("election day", id);
        }
        return day;
    }

    @Transactional
    public long createDay(ElectionDayForm form) {
        Scope scope = new Scope(form.getScopeHierarchy(), form.getScopeKey());
        boolean allowed = access.current().grants().stream()
                .filter(g -> g.role() == Role.ADMIN)
                .map(RoleGrant::scope)
                .anyMatch(s -> s.isInstallationWide() || s.equals(scope));
        if (!allowed) {
            throw new InvalidInputException(FieldProblem.of("scopeKey", "setup.day.scopeOutside", scope.toString()));
        }
        checkDayUnique(form, null);
        long id = store.insertDay(form);
        audit.record("create", "election_day", id, null, store.day(id).orElseThrow());
        return id;
    }

    @Transactional
    public void updateDay(long id, ElectionDayForm form) {
        var before = day(id);
        access.requireManageDay(id);
        checkDayUnique(form, id);
        store.updateDay(id, form);
        if (!access.canManageDay(id)) {
            // Moving the day out of one's own scope would lock the office out of its own election.
            throw new InvalidInputException(FieldProblem.of("scopeKey", "setup.day.scopeOutside",
                    form.getScopeHierarchy() + ":" + form.getScopeKey()));
        }
        audit.record("update", "election_day", id, before, store.day(id).orElseThrow());
    }

    private void checkDayUnique(ElectionDayForm form, Long exceptId) {
        store.dayByName(form.getName(), form.getDate())
                .filter(d -> exceptId == null || d.day().id() != exceptId)
                .ifPresent(d -> {
                    throw new InvalidInputException(FieldProblem.of("name", "setup.day.duplicate"));
                });
    }

    @Transactional(readOnly = true)
    public List<Election> elections(long dayId) {
        day(dayId);
        return store.elections(dayId);
    }

    @Transactional(readOnly = true)
    public Election election(long id) {
        Election e = store.election(id).orElseThrow(() -> new NotFoundException("election", id));
        day(e.electionDayId());
        return e;
    }

    @Transactional
    public long createElection(long dayId, ElectionForm form) {
        day(dayId);
        access.requireManageDay(dayId);
        validate(dayId, form, null);
        long id = store.insertElection(dayId, form);
        audit.record("create", "election", id, null, store.election(id).orElseThrow());
        return id;
    }

    @Transactional
    public void updateElection(long id, ElectionForm form) {
        Election before = election(id);
        access.requireManageDay(before.electionDayId());
        validate(before.electionDayId(), form, id);
        store.updateElection(id, form);
        audit.record("update", "election", id, before, store.election(id).orElseThrow());
        events.publishEvent(new SetupChanged(before.electionDayId()));
    }

    private void validate(long dayId, ElectionForm form, Long exceptId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (store.electionNameTaken(dayId, form.getName(), exceptId)) {
            problems.add(FieldProblem.of("name", "setup.election.duplicate"));
        }
        if (form.getKind() != null && form.getKind().usesCumulativeVoting()) {
            if (form.getVotesPerVoter() == null) {
                problems.add(FieldProblem.of("votesPerVoter", "setup.election.votesPerVoterRequired"));
            }
            if (form.getMaxVotesPerCandidate() == null) {
                problems.add(FieldProblem.of("maxVotesPerCandidate", "setup.election.maxVotesRequired"));
            }
        } else if (form.getVotesPerVoter() != null || form.getMaxVotesPerCandidate() != null) {
            problems.add(FieldProblem.of("votesPerVoter", "setup.election.notCumulative"));
        }
        if (form.getKind() != null && form.getKind().allocatesSeats() && form.getSeats() == null) {
            problems.add(FieldProblem.of("seats", "setup.election.seatsRequired"));
        }
        if (form.getKind() != null && !form.getKind().allocatesSeats() && form.getSeats() != null) {
            problems.add(FieldProblem.of("seats", "setup.election.noSeats"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** Used by imports, which check rights once for the whole file. */
    ElectionDayStore store() {
        return store;
    }

    void requireManage(long dayId) {
        if (!access.canManageDay(dayId)) {
            throw new AccessDeniedException("not an administrator of election day " + dayId);
        }
    }
}
