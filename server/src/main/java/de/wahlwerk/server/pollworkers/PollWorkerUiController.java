package de.wahlwerk.server.pollworkers;

import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.pollworkers.AssignmentStatus;
import de.wahlwerk.core.pollworkers.BoardRole;
import de.wahlwerk.server.ops.WahlwerkProperties;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The poll-worker office's pages (German first, English via the bundles). */
@Controller
@RequestMapping("/admin/pollworkers")
class PollWorkerUiController {

    private final PollWorkerService office;
    private final AppointmentLetters letters;
    private final Problems problems;
    private final WahlwerkProperties properties;

    PollWorkerUiController(PollWorkerService office, AppointmentLetters letters, Problems problems,
            WahlwerkProperties properties) {
        this.office = office;
        this.letters = letters;
        this.problems = problems;
        this.properties = properties;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("days", office.days());
        return "pollworkers/index";
    }

    @GetMapping("/days/{dayId}")
    String day(@PathVariable long dayId, Model model) {
        return dayPage(dayId, model, new WorkerForm(), List.of());
    }

    private String dayPage(long dayId, Model model, WorkerForm form, List<String> errors) {
        var overview = office.overview(dayId);
        model.addAttribute("overview", overview);
        model.addAttribute("pollingAssessors", overview.composition().get(UnitKind.POLLING).assessors());
        model.addAttribute("postalAssessors", overview.composition().get(UnitKind.POSTAL).assessors());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", UnitKind.values());
        return "pollworkers/day";
    }

    @PostMapping("/days/{dayId}/requirements")
    String requirements(@PathVariable long dayId, @RequestParam(required = false) UnitKind kind,
            @RequestParam(required = false) Integer assessors, Model model, RedirectAttributes ra) {
        try {
            office.setAssessors(dayId, kind, assessors);
        } catch (InvalidInputException e) {
            return dayPage(dayId, model, new WorkerForm(), messages(e));
        }
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/pollworkers/days/" + dayId;
    }

    @PostMapping("/days/{dayId}/workers")
    String addWorker(@PathVariable long dayId, @ModelAttribute("form") WorkerForm form, BindingResult binding, Model model,
            RedirectAttributes ra) {
        if (binding.hasErrors()) {
            return dayPage(dayId, model, form, WorkerInputs.bindingProblems(binding, problems));
        }
        try {
            long id = office.addWorker(dayId, form.input());
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/pollworkers/days/" + dayId + "/workers/" + id;
        } catch (InvalidInputException e) {
            return dayPage(dayId, model, form, messages(e));
        }
    }

    @GetMapping("/days/{dayId}/workers/{workerId}")
    String worker(@PathVariable long dayId, @PathVariable long workerId, Model model) {
        model.addAttribute("view", office.workerView(dayId, workerId));
        return "pollworkers/worker";
    }

    @PostMapping("/days/{dayId}/workers/{workerId}/objection")
    String objection(@PathVariable long dayId, @PathVariable long workerId, RedirectAttributes ra) {
        office.objection(dayId, workerId);
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/pollworkers/days/" + dayId + "/workers/" + workerId;
    }

    @GetMapping("/days/{dayId}/units/{unitId}")
    String board(@PathVariable long dayId, @PathVariable long unitId, @RequestParam(required = false) String q, Model model) {
        return boardPage(dayId, unitId, q, model, List.of());
    }

    private String boardPage(long dayId, long unitId, String q, Model model, List<String> errors) {
        model.addAttribute("view", office.boardView(dayId, unitId));
        model.addAttribute("roles", BoardRole.values());
        model.addAttribute("statuses", AssignmentStatus.values());
        model.addAttribute("q", q);
        model.addAttribute("found", q == null ? null : office.searchRegister(dayId, unitId, q));
        model.addAttribute("errors", errors);
        return "pollworkers/board";
    }

    @PostMapping("/days/{dayId}/units/{unitId}/assign")
    String assign(@PathVariable long dayId, @PathVariable long unitId, @RequestParam(required = false) Long workerId,
            @RequestParam(required = false) BoardRole role, Model model, RedirectAttributes ra) {
        try {
            if (workerId == null) {
                throw new InvalidInputException(FieldProblem.of("workerId", "pollworkers.error.worker"));
            }
            office.assign(dayId, unitId, workerId, role);
        } catch (InvalidInputException e) {
            return boardPage(dayId, unitId, null, model, messages(e));
        }
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/pollworkers/days/" + dayId + "/units/" + unitId;
    }

    @PostMapping("/days/{dayId}/units/{unitId}/recruit")
    String recruit(@PathVariable long dayId, @PathVariable long unitId, @RequestParam(required = false) String registerId,
            @RequestParam(required = false) BoardRole role, Model model, RedirectAttributes ra) {
        try {
            if (registerId == null || registerId.isBlank()) {
                throw new InvalidInputException(FieldProblem.of("registerId", "pollworkers.error.notOnRoll"));
            }
            long worker = office.recruitFromRegister(dayId, registerId.strip(), null, null);
            office.assign(dayId, unitId, worker, role);
        } catch (InvalidInputException e) {
            return boardPage(dayId, unitId, null, model, messages(e));
        }
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/pollworkers/days/" + dayId + "/units/" + unitId;
    }

    @PostMapping("/days/{dayId}/assignments/{assignmentId}/status")
    String status(@PathVariable long dayId, @PathVariable long assignmentId,
            @RequestParam(required = false) AssignmentStatus status, @RequestParam(required = false) String reason,
            Model model, RedirectAttributes ra) {
        BoardAssignment a = office.assignmentOfDay(dayId, assignmentId);
        try {
            office.changeStatus(dayId, assignmentId, status, reason);
        } catch (InvalidInputException e) {
            return boardPage(dayId, a.unitId(), null, model, messages(e));
        }
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/pollworkers/days/" + dayId + "/units/" + a.unitId();
    }

    @GetMapping("/days/{dayId}/assignments/{assignmentId}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long dayId, @PathVariable long assignmentId, HttpServletRequest request) {
        return pdf(letters.letter(dayId, assignmentId, base(request)), "berufung-" + assignmentId + ".pdf");
    }

    @PostMapping("/days/{dayId}/letters.pdf")
    ResponseEntity<byte[]> printFile(@PathVariable long dayId, HttpServletRequest request) {
        return pdf(letters.printFile(dayId, base(request)), "berufungen-" + dayId + ".pdf");
    }

    @PostMapping("/days/{dayId}/materials")
    String material(@PathVariable long dayId, @RequestParam(required = false) String title,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes ra) throws IOException {
        try {
            office.uploadMaterial(dayId, title, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
        } catch (InvalidInputException e) {
            return dayPage(dayId, model, new WorkerForm(), messages(e));
        }
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/pollworkers/days/" + dayId;
    }

    private List<String> messages(InvalidInputException e) {
        return e.problems().stream().map(problems::message).toList();
    }

    private String base(HttpServletRequest request) {
        return properties.baseUrl() == null || properties.baseUrl().isBlank()
                ? request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                : properties.baseUrl().replaceAll("/$", "");
    }

    static ResponseEntity<byte[]> pdf(byte[] bytes, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
