package de.wahlwerk.server.register;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the electoral roll. Imports take the CSV file as the request body
 * ({@code Content-Type: text/csv}, name in {@code ?file=}); a rejected file answers 400 with every
 * problem and stores nothing.
 */
@RestController
@RequestMapping("/api/register")
class RegisterApiController {

    private final RegisterService register;

    RegisterApiController(RegisterService register) {
        this.register = register;
    }

    @PostMapping("/days/{dayId}/residents")
    ResponseEntity<RegisterService.ImportSummary> residents(@PathVariable long dayId,
            @RequestParam(required = false) String file, InputStream body) {
        register.requireAdministrator();
        return ResponseEntity.status(HttpStatus.CREATED).body(register.importResidents(dayId, file, body));
    }

    @PostMapping("/days/{dayId}/streets")
    ResponseEntity<RegisterService.ImportSummary> streets(@PathVariable long dayId,
            @RequestParam(required = false) String file, InputStream body) throws java.io.IOException {
        register.requireAdministrator();
        return ResponseEntity.status(HttpStatus.CREATED).body(register.importStreets(dayId, file, body.readAllBytes()));
    }

    @GetMapping("/days/{dayId}/files")
    List<RegisterStore.FileInfo> files(@PathVariable long dayId) {
        return register.files(dayId);
    }

    @PostMapping("/elections/{electionId}/build")
    RegisterService.BuildSummary build(@PathVariable long electionId,
            @RequestBody(required = false) RegisterService.BuildRequest request) {
        register.requireAdministrator();
        return register.build(electionId, request);
    }

    /** Counts per polling district (A1, A2): for every staff member who sees the day. */
    @GetMapping("/elections/{electionId}/counts")
    Map<String, Object> counts(@PathVariable long electionId) {
        return Map.of("summary", register.summary(electionId), "units", register.counts(electionId));
    }

    @GetMapping("/elections/{electionId}/units/{unitId}")
    List<RegisterStore.Entry> unitRoll(@PathVariable long electionId, @PathVariable long unitId) {
        return register.unitRoll(electionId, unitId);
    }

    @GetMapping("/elections/{electionId}/unassigned")
    List<RegisterStore.Entry> unassigned(@PathVariable long electionId) {
        return register.unassigned(electionId);
    }

    @GetMapping("/elections/{electionId}/residents/{registerId}")
    RegisterService.Decision decision(@PathVariable long electionId, @PathVariable String registerId) {
        return register.decision(electionId, registerId);
    }

    @GetMapping("/elections/{electionId}/changes")
    List<RegisterStore.Change> changes(@PathVariable long electionId) {
        return register.changes(electionId);
    }

    @PostMapping("/elections/{electionId}/changes")
    ResponseEntity<RegisterStore.Change> change(@PathVariable long electionId,
            @RequestBody(required = false) RegisterService.ChangeRequest request) {
        register.requireAdministrator();
        return ResponseEntity.status(HttpStatus.CREATED).body(register.change(electionId,
                request == null ? new RegisterService.ChangeRequest(null, null, null, null) : request));
    }

    @ExceptionHandler(RegisterImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(RegisterImportRejected e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Import abgelehnt, nichts gespeichert: " + e.problems().size() + " Problem(e).");
        pd.setTitle("Import abgelehnt");
        pd.setProperty("errors", e.problems().stream().map(p -> Map.of(
                "file", p.file(), "line", p.line(), "column", p.column() == null ? "" : p.column(), "code", p.code(),
                "message", p.message(LocaleContextHolder.getLocale()))).toList());
        return ResponseEntity.badRequest().body(pd);
    }
}
