package de.wahlwerk.server.pollworkers;

import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import de.wahlwerk.server.web.Problems;
import de.wahlwerk.server.web.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public pages of the poll-worker feature: the volunteer sign-up of an election day and the
 * personal portal of an appointment. No login; rate limited per client address; a wrong, expired
 * or unknown link always gets the same answer.
 */
@Controller
@RequestMapping("/wahlhelfer")
class PublicPollWorkerController {

    private final PollWorkerService office;
    private final PortalService portal;
    private final SetupDirectory setup;
    private final PublicLimits limits;
    private final Problems problems;

    PublicPollWorkerController(PollWorkerService office, PortalService portal, SetupDirectory setup, PublicLimits limits,
            Problems problems) {
        this.office = office;
        this.portal = portal;
        this.setup = setup;
        this.limits = limits;
        this.problems = problems;
    }

    // --- volunteer sign-up ---------------------------------------------------------------------

    @GetMapping("/anmelden/{dayId}")
    String signUpForm(@PathVariable long dayId, Model model) {
        return signUpPage(dayId, model, new WorkerForm(), List.of());
    }

    private String signUpPage(long dayId, Model model, WorkerForm form, List<String> errors) {
        model.addAttribute("day", setup.day(dayId).orElseThrow(() -> new NotFoundException("election day", dayId)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "pollworkers/signup";
    }

    @PostMapping("/anmelden/{dayId}")
    String signUp(@PathVariable long dayId, @ModelAttribute("form") WorkerForm form, BindingResult binding,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!limits.tryAcquire(PublicLimits.Kind.SIGN_UP, request.getRemoteAddr())) {
            return limited(response);
        }
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return signUpPage(dayId, model, form, WorkerInputs.bindingProblems(binding, problems));
        }
        if (form.getWebsite() != null && !form.getWebsite().isBlank()) {
            // A bot filled the hidden field: answer as if it worked, store nothing.
            model.addAttribute("day", setup.day(dayId).orElseThrow(() -> new NotFoundException("election day", dayId)));
            return "pollworkers/signup-done";
        }
        try {
            office.signUp(dayId, form.input());
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return signUpPage(dayId, model, form, e.problems().stream().map(problems::message).toList());
        }
        model.addAttribute("day", setup.day(dayId).orElseThrow());
        return "pollworkers/signup-done";
    }

    // --- portal --------------------------------------------------------------------------------

    @GetMapping("/p/{token}")
    String portalPage(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return portalView(token, request, response, model, List.of());
    }

    private String portalView(String token, HttpServletRequest request, HttpServletResponse response, Model model,
            List<String> errors) {
        try (var lookup = limits.attempt(PublicLimits.Kind.WRONG_TOKEN, request.getRemoteAddr())) {
            if (!lookup.admitted()) {
                return limited(response);
            }
            return portalView(token, lookup, request, response, model, errors);
        }
    }

    /** The portal page under a token lookup the caller holds: a wrong token counts against it. */
    private String portalView(String token, RateLimiter.Attempt lookup, HttpServletRequest request,
            HttpServletResponse response, Model model, List<String> errors) {
        if (!limits.tryAcquire(PublicLimits.Kind.PORTAL, request.getRemoteAddr())) {
            return limited(response);
        }
        var view = portal.view(token);
        if (view.isEmpty()) {
            lookup.count();
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "pollworkers/portal-invalid";
        }
        model.addAttribute("view", view.get());
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        return "pollworkers/portal";
    }

    @PostMapping("/p/{token}")
    String respond(@PathVariable String token, @RequestParam(required = false) String answer,
            @RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        try (var lookup = limits.attempt(PublicLimits.Kind.WRONG_TOKEN, request.getRemoteAddr())) {
            if (!lookup.admitted()) {
                return limited(response);
            }
            try {
                if (!"accept".equals(answer) && !"decline".equals(answer)) {
                    throw new InvalidInputException(de.wahlwerk.server.web.FieldProblem.of("answer", "pollworkers.portal.answerRequired"));
                }
                if (!portal.respond(token, "accept".equals(answer), reason)) {
                    return portalView(token, lookup, request, response, model, List.of()); // counts the wrong token
                }
            } catch (InvalidInputException e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return portalView(token, lookup, request, response, model, e.problems().stream().map(problems::message).toList());
            }
            return "redirect:/wahlhelfer/p/" + token + "?saved";
        }
    }

    private static String limited(HttpServletResponse response) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return "pollworkers/limited";
    }

    @GetMapping("/p/{token}/material/{materialId}")
    String material(@PathVariable String token, @PathVariable long materialId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var material = material(token, materialId, request);
        if (material == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "pollworkers/portal-invalid";
        }
        if (material.kind().equals("PDF")) {
            return "redirect:/wahlhelfer/p/" + token + "/material/" + materialId + "/pdf";
        }
        model.addAttribute("material", material);
        model.addAttribute("html", TrainingKinds.html(material.content()));
        model.addAttribute("token", token);
        return "pollworkers/material";
    }

    @GetMapping("/p/{token}/material/{materialId}/pdf")
    ResponseEntity<byte[]> materialPdf(@PathVariable String token, @PathVariable long materialId, HttpServletRequest request) {
        var material = material(token, materialId, request);
        if (material == null || !material.kind().equals("PDF")) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return PollWorkerUiController.pdf(material.content(), "schulung-" + material.id() + ".pdf");
    }

    /** The material, or null for a wrong token, a foreign material or a blocked address (counted as wrong). */
    private PollWorkerStore.Material material(String token, long materialId, HttpServletRequest request) {
        try (var lookup = limits.attempt(PublicLimits.Kind.WRONG_TOKEN, request.getRemoteAddr())) {
            if (!lookup.admitted()) {
                return null;
            }
            var material = portal.material(token, materialId);
            if (material.isEmpty()) {
                lookup.count();
                return null;
            }
            return material.get();
        }
    }
}
