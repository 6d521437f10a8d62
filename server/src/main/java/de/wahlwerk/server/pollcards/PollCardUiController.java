package de.wahlwerk.server.pollcards;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.ops.WahlwerkProperties;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import de.wahlwerk.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's pages: requests to decide, cards, labels, notices and the print file. Administrators only. */
@Controller
@RequestMapping("/admin/pollcards/elections/{electionId}")
class PollCardUiController {

    private final PollCardService service;
    private final PrintJobs print;
    private final WahlwerkProperties properties;
    private final Problems problems;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    PollCardUiController(PollCardService service, PrintJobs print, WahlwerkProperties properties, Problems problems,
            AuditLog audit, TransactionTemplate tx) {
        this.service = service;
        this.print = print;
        this.properties = properties;
        this.problems = problems;
        this.audit = audit;
        this.tx = tx;
    }

    /** The base of printed links: configured, else the address this request came to. */
    String baseUrl(HttpServletRequest request) {
        return properties.baseUrl() == null || properties.baseUrl().isBlank()
                ? request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                : properties.baseUrl().replaceAll("/$", "");
    }

    @GetMapping
    String requests(@PathVariable long electionId, @RequestParam(required = false) String status, Model model) {
        Election e = service.requireOffice(electionId);
        String s = status == null || !List.of("RECEIVED", "ISSUED", "REJECTED").contains(status) ? "" : status;
        model.addAttribute("election", e);
        model.addAttribute("status", s);
        model.addAttribute("requests", service.queue(electionId, s));
        model.addAttribute("job", print.job(electionId).orElse(null));
        return "pollcards/requests";
    }

    @PostMapping("/requests/{requestId}/approve")
    String approve(@PathVariable long electionId, @PathVariable long requestId, RedirectAttributes ra) {
        service.requireOffice(electionId);
        try {
            long card = service.approve(electionId, requestId);
            ra.addFlashAttribute("message", problems.message(
                    de.wahlwerk.server.web.FieldProblem.of(null, "pollcards.issued", String.valueOf(card))));
        } catch (InvalidInputException e) {
            ra.addFlashAttribute("errors", e.problems().stream().map(problems::message).toList());
        }
        return "redirect:/admin/pollcards/elections/" + electionId;
    }

    @PostMapping("/requests/{requestId}/reject")
    String reject(@PathVariable long electionId, @PathVariable long requestId,
            @RequestParam(required = false) String reason, RedirectAttributes ra) {
        service.requireOffice(electionId);
        try {
            service.reject(electionId, requestId, reason);
            ra.addFlashAttribute("message", problems.message(
                    de.wahlwerk.server.web.FieldProblem.of(null, "pollcards.rejected")));
        } catch (InvalidInputException e) {
            ra.addFlashAttribute("errors", e.problems().stream().map(problems::message).toList());
        }
        return "redirect:/admin/pollcards/elections/" + electionId;
    }

    @GetMapping("/cards")
    String cards(@PathVariable long electionId, Model model) {
        Election e = service.requireOffice(electionId);
        model.addAttribute("election", e);
        model.addAttribute("cards", service.cards(electionId));
        return "pollcards/cards";
    }

    @PostMapping("/cards/{cardId}/replace")
    String replace(@PathVariable long electionId, @PathVariable long cardId,
            @RequestParam(required = false) String reason, RedirectAttributes ra) {
        service.requireOffice(electionId);
        try {
            long card = service.replace(electionId, cardId, reason);
            ra.addFlashAttribute("message", problems.message(
                    de.wahlwerk.server.web.FieldProblem.of(null, "pollcards.replaced", String.valueOf(cardId), String.valueOf(card))));
        } catch (InvalidInputException e) {
            ra.addFlashAttribute("errors", e.problems().stream().map(problems::message).toList());
        }
        return "redirect:/admin/pollcards/elections/" + electionId + "/cards";
    }

    @GetMapping("/cards/{cardId}/pdf")
    ResponseEntity<byte[]> cardPdf(@PathVariable long electionId, @PathVariable long cardId) {
        return pdf(service.cardPdf(electionId, cardId), "wahlschein-" + cardId + ".pdf");
    }

    @GetMapping("/labels.pdf")
    ResponseEntity<byte[]> labels(@PathVariable long electionId) {
        return pdf(service.labelsPdf(electionId), "etiketten-" + electionId + ".pdf");
    }

    @GetMapping("/notices/{registerId}/pdf")
    ResponseEntity<byte[]> notice(@PathVariable long electionId, @PathVariable String registerId,
            HttpServletRequest request) {
        return pdf(service.noticePdf(electionId, registerId, baseUrl(request)),
                "wahlbenachrichtigung-" + registerId.replaceAll("[^A-Za-z0-9_-]", "") + ".pdf");
    }

    @PostMapping("/print")
    String startPrint(@PathVariable long electionId, HttpServletRequest request, RedirectAttributes ra) {
        Election e = service.requireOffice(electionId);
        try {
            service.assignNoticeNumbers(electionId);
        } catch (InvalidInputException ex) {
            ra.addFlashAttribute("errors", ex.problems().stream().map(problems::message).toList());
            return "redirect:/admin/pollcards/elections/" + electionId;
        }
        print.start(e, service.day(e), baseUrl(request), service.actorName(), service);
        return "redirect:/admin/pollcards/elections/" + electionId + "/print";
    }

    @GetMapping("/print")
    String printProgress(@PathVariable long electionId, Model model) {
        Election e = service.requireOffice(electionId);
        model.addAttribute("election", e);
        model.addAttribute("job", print.job(electionId).orElse(null));
        return "pollcards/print";
    }

    @GetMapping("/print/file")
    ResponseEntity<Resource> printFile(@PathVariable long electionId) throws IOException {
        service.requireOffice(electionId);
        PrintJobs.Job job = print.job(electionId).filter(j -> j.state() == PrintJobs.State.DONE && j.file != null
                && Files.exists(j.file)).orElseThrow(() -> new NotFoundException("print file", electionId));
        tx.executeWithoutResult(s -> audit.record("read-personal-data", "election", electionId, null,
                Map.of("view", "print-file", "persons", job.done())));
        boolean zip = job.fileName().endsWith(".zip");
        return ResponseEntity.ok()
                .contentType(zip ? MediaType.parseMediaType("application/zip") : MediaType.APPLICATION_PDF)
                .contentLength(Files.size(job.file))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(job.fileName())
                        .build().toString())
                .body(new FileSystemResource(job.file));
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
