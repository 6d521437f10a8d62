package de.wahlwerk.server.pollcards;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public polling-card request (Wahlscheinantrag), reached by the QR code of the polling notice
 * (notice number filled in) or directly. Every accepted submission gets the same answer.
 */
@Controller
@RequestMapping("/wahlschein/{electionId}")
class PublicRequestController {

    private final PollCardService service;
    private final RequestThrottle throttle;
    private final Problems problems;

    PublicRequestController(PollCardService service, RequestThrottle throttle, Problems problems) {
        this.service = service;
        this.throttle = throttle;
        this.problems = problems;
    }

    @GetMapping
    String form(@PathVariable long electionId, @RequestParam(name = "nr", required = false) String notice,
            Model model) {
        Election e = service.election(electionId);
        String number = PollCardService.normaliseNotice(notice);
        return page(e, model, PollCardService.RequestForm.empty(number == null ? "" : PdfTexts.grouped(number)),
                Map.of());
    }

    @PostMapping
    String submit(@PathVariable long electionId, @RequestParam(required = false) String noticeNumber,
            @RequestParam(required = false) String familyName, @RequestParam(required = false) String givenNames,
            @RequestParam(required = false) String birthDate, @RequestParam(required = false) String street,
            @RequestParam(required = false) String houseNumber, @RequestParam(required = false) String postalCode,
            @RequestParam(required = false) String city, @RequestParam(required = false) String mailTo,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Election e = service.election(electionId);
        var form = new PollCardService.RequestForm(noticeNumber, familyName, givenNames, birthDate, street,
                houseNumber, postalCode, city, mailTo);
        String address = request.getRemoteAddr();
        if (!throttle.admit(address)) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(throttle.retryAfter(address)));
            model.addAttribute("election", e);
            return "pollcards/public-throttled";
        }
        try {
            String channel = PollCardService.normaliseNotice(noticeNumber) == null ? "FORM" : "QR";
            String reference = service.submit(electionId, form, channel);
            model.addAttribute("election", e);
            model.addAttribute("reference", PdfTexts.grouped(reference));
            return "pollcards/public-received";
        } catch (InvalidInputException ex) {
            response.setStatus(400);
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : ex.problems()) {
                errors.putIfAbsent(p.field(), problems.message(p));
            }
            return page(e, model, form, errors);
        }
    }

    private String page(Election e, Model model, PollCardService.RequestForm form, Map<String, String> errors) {
        model.addAttribute("election", e);
        model.addAttribute("day", service.day(e));
        model.addAttribute("open", service.open(e));
        model.addAttribute("deadline", service.deadline(e).format(DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("fields", List.of("noticeNumber", "familyName", "givenNames", "birthDate", "street",
                "houseNumber", "postalCode", "city", "mailTo"));
        return "pollcards/public-form";
    }
}
