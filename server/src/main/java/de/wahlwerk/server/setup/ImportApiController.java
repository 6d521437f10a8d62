package de.wahlwerk.server.setup;

import java.io.IOException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST uploads; a rejected file answers 400 with every problem (file, line, column, code, message). */
@RestController
@RequestMapping("/api/setup")
class ImportApiController {

    private final Imports imports;
    private final ResultStore results;

    ImportApiController(Imports imports, ResultStore results) {
        this.imports = imports;
        this.results = results;
    }

    @PostMapping("/days/{id}/bundle")
    ResponseEntity<BundleImport.Summary> bundle(@PathVariable long id, @RequestParam MultipartFile file) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(imports.bundle(id, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/results")
    List<ResultStore.Source> sources() {
        return results.sources();
    }

    @PostMapping("/results")
    ResponseEntity<ResultImport.Summary> results(@RequestParam MultipartFile file,
            @RequestParam(defaultValue = "VOTEMANAGER") Imports.ResultFormat format,
            @RequestParam(required = false) String label, @RequestParam(required = false) Long electionId,
            @RequestParam(required = false) String partyNames) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(imports.results(format, file.getOriginalFilename(), file.getBytes(), label, electionId, partyNames));
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejectedException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Import abgelehnt, nichts gespeichert: " + e.problems().size() + " Problem(e).");
        pd.setTitle("Import abgelehnt");
        pd.setProperty("errors", e.problems().stream().map(p -> Map.of(
                "file", p.file(), "line", p.line(), "column", p.column() == null ? "" : p.column(), "code", p.code(),
                "message", p.message(LocaleContextHolder.getLocale()))).toList());
        return ResponseEntity.badRequest().body(pd);
    }
}
