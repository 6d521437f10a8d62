package de.wahlwerk.server.pollworkers;

import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.pollworkers.AssignmentStatus;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The poll worker's self-service portal, reached only by the personal link of an appointment: no
 * login, the token is the key. Shows the own appointment, the polling station and the board, the
 * training material of the day; accepts or declines. Never shows other people's data.
 */
@Service
public class PortalService {

    /** What the portal shows: one appointment of one person. */
    public record View(BoardAssignment assignment, String name, ElectionDay day, ReportingUnit unit, PollingStation station,
            List<PollWorkerStore.Material> materials) {
        public boolean open() {
            return assignment.status() == AssignmentStatus.INVITED;
        }
    }

    private final PollWorkerStore store;
    private final SetupDirectory setup;
    private final PollWorkerService office;

    PortalService(PollWorkerStore store, SetupDirectory setup, PollWorkerService office) {
        this.store = store;
        this.setup = setup;
        this.office = office;
    }

    /** The appointment of a valid, unexpired token; empty for anything else (one answer for every failure). */
    @Transactional(readOnly = true)
    public Optional<View> view(String token) {
        return assignment(token).map(a -> {
            PollWorker w = store.worker(a.workerId()).orElseThrow();
            ElectionDay day = a.electionDayId() == null ? null : setup.day(a.electionDayId()).orElse(null);
            ReportingUnit unit = a.unitId() == null ? null : setup.unit(a.unitId()).orElse(null);
            PollingStation station = unit == null || unit.pollingStationId() == null ? null
                    : setup.station(unit.pollingStationId()).orElse(null);
            List<PollWorkerStore.Material> materials = day == null ? List.of() : store.materials(day.id());
            return new View(a, w.displayName(), day, unit, station, materials);
        });
    }

    Optional<BoardAssignment> assignment(String token) {
        if (!PortalTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.assignmentByToken(PortalTokens.hash(token))
                .filter(a -> a.tokenExpires() != null && a.tokenExpires().isAfter(Instant.now()))
                .filter(a -> a.electionDayId() != null);
    }

    /** Accept or decline; a decline needs a reason (§ 11 Abs. 1 BWG: only for an important reason). */
    @Transactional
    public boolean respond(String token, boolean accept, String reason) {
        Optional<BoardAssignment> a = assignment(token);
        if (a.isEmpty()) {
            return false;
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollworkers.portal.reasonRequired"));
        }
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollworkers.error.tooLong", 500));
        }
        office.transition(a.get().id(), accept ? AssignmentStatus.CONFIRMED : AssignmentStatus.DECLINED,
                accept ? null : reason, "portal");
        return true;
    }

    /** A training material of the token's day. */
    @Transactional(readOnly = true)
    public Optional<PollWorkerStore.Material> material(String token, long materialId) {
        return assignment(token).flatMap(a -> store.material(materialId)
                .filter(m -> a.electionDayId() != null && m.dayId() == a.electionDayId()));
    }
}
