package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.web.NotFoundException;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies an election with its nominations and candidates (for a rehearsal on the same units) and
 * removes such a copy again. Called by features that manage copies; rights are checked here.
 */
@Component
public class ElectionCopies {

    private final ElectionDayStore days;
    private final NominationStore nominations;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    ElectionCopies(ElectionDayStore days, NominationStore nominations, AccessPolicy access, AuditLog audit,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.days = days;
        this.nominations = nominations;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long copy(long electionId, String name) {
        Election e = days.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        access.requireManageDay(e.electionDayId());
        ElectionForm f = FormMapping.electionForm(e);
        f.setName(name);
        long copy = days.insertElection(e.electionDayId(), f);
        for (Nomination n : nominations.nominations(electionId)) {
            long nc = nominations.insertNomination(copy, n.areaId(), FormMapping.nominationForm(n, null));
            for (var c : nominations.candidates(n.id())) {
                nominations.insertCandidate(nc, FormMapping.candidateForm(c));
            }
        }
        audit.record("copy-election", "election", copy, null, Map.of("from", electionId, "name", name));
        return copy;
    }

    /** Deletes an election with everything that hangs on it (reports, nominations, settings). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void delete(long electionId) {
        Election e = days.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        access.requireManageDay(e.electionDayId());
        jdbc.sql("delete from election where id = :id").param("id", electionId).update();
        audit.record("delete-election", "election", electionId, e, null);
    }

    public boolean nameTaken(long dayId, String name) {
        return days.electionNameTaken(dayId, name, null);
    }
}
