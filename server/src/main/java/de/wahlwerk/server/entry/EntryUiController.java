package de.wahlwerk.server.entry;

import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.Problems;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The town hall's pages for election night: status board, the entry form (keyboard only, fields
 * in the order of the paper form), the approvers' queue and review.
 */
@Controller
@RequestMapping("/admin/entry")
class EntryUiController {

    static final String VALUE_PREFIX = "v.";
    static final String REASON_PREFIX = "reason.";

    private final EntryService entry;
    private final StatusBoardService board;
    private final AccessPolicy access;
    private final Problems problems;
    private final BoardEvents boardEvents;

    EntryUiController(EntryService entry, StatusBoardService board, AccessPolicy access, Problems problems,
            BoardEvents boardEvents) {
        this.boardEvents = boardEvents;
        this.entry = entry;
        this.board = board;
        this.access = access;
        this.problems = problems;
    }

    @GetMapping("/elections/{id}")
    String board(@PathVariable long id, Model model) {
        model.addAttribute("board", board.board(id));
        model.addAttribute("zone", EntryService.ZONE);
        return "entry/board";
    }

    /** Live updates for the status board (server-sent events). */
    @GetMapping(value = "/elections/{id}/events", produces = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter events(@PathVariable long id) {
        // Same access rule as the board itself, but without building it: the subscription must be
        // registered at once, or a report confirmed meanwhile would never reach this page.
        board.requireVisible(id);
        return boardEvents.subscribe(id);
    }

    @GetMapping("/elections/{id}/units/{unitId}")
    String form(@PathVariable long id, @PathVariable long unitId, Model model) {
        return page(model, id, unitId, Map.of(), Map.of(), null, null);
    }

    @PostMapping("/elections/{id}/units/{unitId}")
    String submit(@PathVariable long id, @PathVariable long unitId, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes ra) {
        Map<String, String> values = prefixed(params, VALUE_PREFIX);
        Map<String, String> reasons = prefixed(params, REASON_PREFIX);
        try {
            SubmitResult r = entry.submit(new Submission(id, unitId, values, reasons, params.get("correctionReason"),
                    Submission.Channel.FORM, null), access.current().username());
            ra.addFlashAttribute("submitted", r);
            return "redirect:/admin/entry/elections/" + id + "/units/" + unitId;
        } catch (InvalidInputException e) {
            return page(model, id, unitId, values, reasons, params.get("correctionReason"), e.problems());
        }
    }

    /** Live check while typing: the same rules as on submit, nothing is stored. */
    @PostMapping("/elections/{id}/units/{unitId}/check")
    @ResponseBody
    List<Map<String, String>> check(@PathVariable long id, @PathVariable long unitId, @RequestParam Map<String, String> params) {
        return entry.preview(id, unitId, prefixed(params, VALUE_PREFIX)).stream()
                .map(p -> Map.of("field", p.field() == null ? "" : p.field(), "severity", p.severity(),
                        "message", p.message()))
                .toList();
    }

    @GetMapping("/elections/{id}/pending")
    String pending(@PathVariable long id, Model model) {
        model.addAttribute("board", board.board(id));
        model.addAttribute("pending", entry.pending(id));
        return "entry/pending";
    }

    @GetMapping("/reports/{reportId}")
    String review(@PathVariable long reportId, Model model) {
        StoredReport r = entry.report(reportId);
        model.addAttribute("report", r);
        model.addAttribute("zone", EntryService.ZONE);
        ReportForm form = entry.formForReading(r.electionId(), r.unitId());
        model.addAttribute("form", form);
        List<StoredReport> history = entry.history(r.electionId(), r.unitId());
        model.addAttribute("history", history);
        List<StoredReport> competing = history.stream()
                .filter(h -> h.status() == ReportStatus.PENDING || h.status() == ReportStatus.CONFIRMED).toList();
        model.addAttribute("competing", competing);
        // Double entry: the approver sees field by field where the versions disagree.
        java.util.Set<String> differing = new java.util.HashSet<>();
        for (FormField f : form.fields()) {
            if (competing.stream().map(c -> c.values().get(f.letter())).distinct().count() > 1) {
                differing.add(f.letter());
            }
        }
        model.addAttribute("differing", differing);
        return "entry/review";
    }

    @PostMapping("/reports/{reportId}/approve")
    String approve(@PathVariable long reportId, RedirectAttributes ra) {
        StoredReport r = entry.report(reportId);
        entry.approve(reportId);
        ra.addFlashAttribute("approved", true);
        return "redirect:/admin/entry/elections/" + r.electionId() + "/pending";
    }

    @PostMapping("/reports/{reportId}/reject")
    String reject(@PathVariable long reportId, @RequestParam(required = false) String reason, RedirectAttributes ra) {
        StoredReport r = entry.report(reportId);
        entry.reject(reportId, reason);
        ra.addFlashAttribute("rejected", true);
        return "redirect:/admin/entry/elections/" + r.electionId() + "/pending";
    }

    private String page(Model model, long id, long unitId, Map<String, String> values, Map<String, String> reasons,
            String correctionReason, List<FieldProblem> errors) {
        ReportForm form = entry.formFor(id, unitId);
        List<StoredReport> history = entry.history(id, unitId);
        model.addAttribute("form", form);
        model.addAttribute("phone", false);
        model.addAttribute("action", "/admin/entry/elections/" + id + "/units/" + unitId);
        model.addAttribute("checkUrl", "/admin/entry/elections/" + id + "/units/" + unitId + "/check");
        model.addAttribute("zone", EntryService.ZONE);
        model.addAttribute("history", history);
        model.addAttribute("confirmed", history.stream().filter(h -> h.status() == ReportStatus.CONFIRMED).findFirst().orElse(null));
        model.addAttribute("values", values);
        model.addAttribute("reasons", reasons);
        model.addAttribute("correctionReason", correctionReason);
        errorsInto(model, problems, errors);
        return "entry/form";
    }

    /** Sorts problems into field errors, warnings that need a reason, and general messages for the form page. */
    static void errorsInto(Model model, Problems problems, List<FieldProblem> errors) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Map<String, String> warnings = new LinkedHashMap<>();
        List<String> general = new java.util.ArrayList<>();
        if (errors != null) {
            for (FieldProblem p : errors) {
                String text = problems.message(p);
                if (p.field() != null && p.field().startsWith("warning.")) {
                    warnings.put(p.field().substring("warning.".length()), text);
                } else if (p.field() != null) {
                    fieldErrors.merge(p.field(), text, (a, b) -> a + " " + b);
                } else {
                    general.add(text);
                }
            }
        }
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("warnings", warnings);
        model.addAttribute("generalErrors", general);
        model.addAttribute("hasErrors", errors != null && !errors.isEmpty());
    }

    /** The form parameters that start with the prefix, without it (v.A1 → A1). */
    static Map<String, String> prefixed(Map<String, String> params, String prefix) {
        Map<String, String> result = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                result.put(k.substring(prefix.length()), v);
            }
        });
        return result;
    }
}
