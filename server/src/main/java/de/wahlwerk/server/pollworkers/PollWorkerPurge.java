package de.wahlwerk.server.pollworkers;

import de.wahlwerk.server.audit.AuditLog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes poll workers whose data may no longer be kept: the last election day they were appointed
 * for (or their sign-up) lies before the cut-off the office chose for its retention period, or they
 * objected to being kept for future elections (§ 9 Abs. 4 BWG) and their last day has passed. Their
 * appointments go with them; the audit log keeps only ids and the count.
 */
@Service
class PollWorkerPurge {

    record Outcome(LocalDate before, int found, int deleted, boolean dryRun) {}

    private final PollWorkerStore store;
    private final AuditLog audit;

    PollWorkerPurge(PollWorkerStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional
    Outcome purge(LocalDate before, LocalDate today, boolean dryRun) {
        List<Long> ids = store.expired(before, today);
        if (dryRun) {
            return new Outcome(before, ids.size(), 0, true);
        }
        int deleted = store.delete(ids);
        audit.recordAs("system", "purge-pollworkers", "poll_worker", null, null,
                Map.of("before", before.toString(), "deleted", deleted));
        return new Outcome(before, ids.size(), deleted, false);
    }
}
