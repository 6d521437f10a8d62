package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.Candidate;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations and candidates. A nomination limited to an area (a constituency nomination) may be
 * managed by an administrator of that area; election-wide lists by the organiser of the day.
 */
@Service
public class NominationService {

    private final NominationStore store;
    private final AreaStore areas;
    private final ElectionDayService elections;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    NominationService(NominationStore store, AreaStore areas, ElectionDayService elections, AccessPolicy access,
            AuditLog audit, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.areas = areas;
        this.elections = elections;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Nomination> nominations(long electionId) {
        elections.election(electionId);
        return store.nominations(electionId);
    }

    @Transactional(readOnly = true)
    public Nomination nomination(long id) {
        Nomination n = store.nomination(id).orElseThrow(() -> new NotFoundException("nomination", id));
        elections.election(n.electionId());
        return n;
    }

    @Transactional(readOnly = true)
    public Area areaOf(Nomination n) {
        return n.areaId() == null ? null : areas.area(n.areaId()).orElse(null);
    }

    @Transactional
    public long createNomination(long electionId, NominationForm form) {
        Election e = elections.election(electionId);
        Long areaId = validate(e, form, null);
        requireManage(e, areaId);
        long id = store.insertNomination(electionId, areaId, form);
        audit.record("create", "nomination", id, null, store.nomination(id).orElseThrow());
        events.publishEvent(new SetupChanged(e.electionDayId()));
        return id;
    }

    @Transactional
    public void updateNomination(long id, NominationForm form) {
        // Authorised first: whoever may not edit never holds up the election's confirmations.
        Nomination seen = nomination(id);
        requireManage(elections.election(seen.electionId()), seen.areaId());
        // Under the ballot lock, read again: the check for confirmed votes below must see every
        // confirmation that committed before, and none may commit until this edit does.
        store.lockBallot(seen.electionId());
        Nomination before = nomination(id);
        Election e = elections.election(before.electionId());
        requireManage(e, before.areaId());
        Long areaId = validate(e, form, id);
        requireManage(e, areaId);
        refuseMovingCountedVotes(before, form, areaId);
        store.updateNomination(id, areaId, form);
        audit.record("update", "nomination", id, before, store.nomination(id).orElseThrow());
        events.publishEvent(new SetupChanged(e.electionDayId()));
    }

    /**
     * Quick reports hold their votes by ballot position (D3, F3 …). A nomination with such votes
     * moved to another position, vote kind or area would leave them to a position the ballot no
     * longer has: the live tally could no longer be built from the reports (as with a unit counted
     * with its neighbour after its own report, {@code setup.unit.countedWithHasReport}). That holds
     * for reports still waiting for their second person as well: approved after the move, they
     * would confirm votes for the old position. The caller holds the ballot lock, so no report of
     * the election is entered or confirmed between this check and the commit.
     */
    private void refuseMovingCountedVotes(Nomination before, NominationForm form, Long areaId) {
        String field = form.getVoteKind() != before.voteKind() ? "voteKind"
                : !java.util.Objects.equals(form.getBallotPosition(), before.ballotPosition()) ? "ballotPosition"
                : !java.util.Objects.equals(areaId, before.areaId()) ? "areaKey" : null;
        if (field == null) {
            return;
        }
        // The list's votes and, in a council election, its candidates' personal votes (D3_1 …).
        String letters = (before.voteKind() == VoteKind.SECOND ? "F" : "D") + before.ballotPosition() + "(_[0-9]+)?";
        store.reportsWithVotes(before.electionId(), before.areaId(), letters).ifPresent(status -> {
            throw new InvalidInputException(FieldProblem.of(field, status.equals("CONFIRMED")
                    ? "setup.nomination.hasVotes" : "setup.nomination.hasPendingVotes",
                    before.ballotPosition(), before.shortName()));
        });
    }

    /**
     * In a council election reports hold a candidate's personal votes by list position
     * (D&lt;ballot position&gt;_&lt;list position&gt;): a candidate with such votes, confirmed or
     * waiting for approval, moved to another list position would hand them to whoever stands
     * there then, or to nobody. As {@link #refuseMovingCountedVotes}; the caller holds the ballot lock.
     */
    private void refuseMovingPersonalVotes(Nomination n, Candidate before, CandidateForm form) {
        if (n.voteKind() != VoteKind.CUMULATIVE
                || java.util.Objects.equals(form.getListPosition(), before.listPosition())) {
            return;
        }
        String letter = "D" + n.ballotPosition() + "_" + before.listPosition();
        store.reportsWithVotes(n.electionId(), n.areaId(), letter).ifPresent(status -> {
            throw new InvalidInputException(FieldProblem.of("listPosition", status.equals("CONFIRMED")
                    ? "setup.candidate.hasVotes" : "setup.candidate.hasPendingVotes",
                    before.listPosition(), before.displayName()));
        });
    }

    private Long validate(Election e, NominationForm form, Long selfId) {
        if (!e.kind().voteKinds().contains(form.getVoteKind())) {
            throw new InvalidInputException(FieldProblem.of("voteKind", "setup.nomination.voteKind"));
        }
        Long areaId = null;
        if (form.getAreaKey() != null) {
            String hierarchy = e.hierarchy() == null ? "admin" : e.hierarchy();
            areaId = areas.areaByKey(e.electionDayId(), hierarchy, form.getAreaKey()).map(Area::id).orElseThrow(() ->
                    new InvalidInputException(FieldProblem.of("areaKey", "setup.unknownArea", form.getAreaKey())));
        }
        if (store.positionTaken(e.id(), form.getVoteKind(), areaId, form.getBallotPosition(), selfId)) {
            throw new InvalidInputException(FieldProblem.of("ballotPosition", "setup.nomination.positionTaken",
                    form.getBallotPosition()));
        }
        return areaId;
    }

    private void requireManage(Election e, Long areaId) {
        boolean ok = access.canManageDay(e.electionDayId()) || (areaId != null && access.canManageArea(areaId));
        if (!ok) {
            throw new AccessDeniedException("nomination outside the administrator's scope");
        }
    }

    @Transactional(readOnly = true)
    public List<Candidate> candidates(long nominationId) {
        nomination(nominationId);
        return store.candidates(nominationId);
    }

    @Transactional(readOnly = true)
    public Candidate candidate(long id) {
        Candidate c = store.candidate(id).orElseThrow(() -> new NotFoundException("candidate", id));
        nomination(c.nominationId());
        return c;
    }

    @Transactional
    public long createCandidate(long nominationId, CandidateForm form) {
        Nomination n = nomination(nominationId);
        requireManage(elections.election(n.electionId()), n.areaId());
        if (store.listPositionTaken(nominationId, form.getListPosition(), null)) {
            throw new InvalidInputException(FieldProblem.of("listPosition", "setup.candidate.positionTaken", form.getListPosition()));
        }
        long id = store.insertCandidate(nominationId, form);
        audit.record("create", "candidate", id, null, store.candidate(id).orElseThrow());
        // The number of candidates per list decides the open-data columns of a council election.
        events.publishEvent(new SetupChanged(elections.election(n.electionId()).electionDayId()));
        return id;
    }

    @Transactional
    public void updateCandidate(long id, CandidateForm form) {
        Nomination owner = nomination(candidate(id).nominationId());
        requireManage(elections.election(owner.electionId()), owner.areaId()); // before the lock, as above
        // Under the ballot lock, read again, as for a nomination: no report of the election is
        // entered or confirmed between the check for personal votes below and the commit.
        store.lockBallot(owner.electionId());
        Candidate before = candidate(id);
        Nomination n = nomination(before.nominationId());
        requireManage(elections.election(n.electionId()), n.areaId());
        if (store.listPositionTaken(before.nominationId(), form.getListPosition(), id)) {
            throw new InvalidInputException(FieldProblem.of("listPosition", "setup.candidate.positionTaken", form.getListPosition()));
        }
        refuseMovingPersonalVotes(n, before, form);
        store.updateCandidate(id, form);
        audit.record("update", "candidate", id, before, store.candidate(id).orElseThrow());
        events.publishEvent(new SetupChanged(elections.election(n.electionId()).electionDayId()));
    }
}
