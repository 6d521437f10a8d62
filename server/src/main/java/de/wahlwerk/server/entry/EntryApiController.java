package de.wahlwerk.server.entry;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API for quick reports from other systems. A retried POST with the same
 * {@code Idempotency-Key} returns the first result (200) instead of creating a second report (201).
 */
@RestController
@RequestMapping("/api/entry")
class EntryApiController {

    /** Body of a report: numbers by form letter, reasons for confirmed warnings, reason for a correction. */
    record ReportBody(Long unitId, Map<String, String> values, Map<String, String> warningReasons, String correctionReason) {}

    record Decision(String reason) {}

    private final EntryService entry;
    private final de.wahlwerk.server.security.AccessPolicy access;

    EntryApiController(EntryService entry, de.wahlwerk.server.security.AccessPolicy access) {
        this.entry = entry;
        this.access = access;
    }

    @PostMapping("/elections/{electionId}/reports")
    ResponseEntity<SubmitResult> submit(@PathVariable long electionId, @RequestBody ReportBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body.unitId() == null) {
            throw new de.wahlwerk.server.web.InvalidInputException(
                    de.wahlwerk.server.web.FieldProblem.of("unitId", "field.required"));
        }
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new de.wahlwerk.server.web.InvalidInputException(
                    de.wahlwerk.server.web.FieldProblem.of("Idempotency-Key", "entry.idempotencyKeyFormat"));
        }
        SubmitResult r = entry.submit(new Submission(electionId, body.unitId(), body.values(), body.warningReasons(),
                body.correctionReason(), Submission.Channel.API, key), access.current().username());
        return ResponseEntity.status(r.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
    }

    @GetMapping("/elections/{electionId}/units/{unitId}/reports")
    List<StoredReport> history(@PathVariable long electionId, @PathVariable long unitId) {
        return entry.history(electionId, unitId);
    }

    @GetMapping("/elections/{electionId}/pending")
    List<StoredReport> pending(@PathVariable long electionId) {
        return entry.pending(electionId);
    }

    @PostMapping("/reports/{id}/approve")
    StoredReport approve(@PathVariable long id) {
        // The answer is read in the approval's transaction: a second transaction for it was three
        // statements more per district of a night.
        return entry.approve(id);
    }

    @PostMapping("/reports/{id}/reject")
    StoredReport reject(@PathVariable long id, @RequestBody Decision decision) {
        return entry.reject(id, decision.reason());
    }
}
