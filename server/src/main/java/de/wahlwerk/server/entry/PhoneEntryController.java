package de.wahlwerk.server.entry;

import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The board chair's phone: the QR code on the printed form opens {@code /q/{code}}, which shows
 * exactly that unit's quick report. The code expires once a report was accepted; wrong codes are
 * throttled per address.
 */
@Controller
class PhoneEntryController {

    private final UnitCodes codes;
    private final EntryService entry;
    private final ReportForms forms;
    private final CodeThrottle throttle;
    private final Problems problems;
    private final de.wahlwerk.server.setup.SetupDirectory setup;

    PhoneEntryController(UnitCodes codes, EntryService entry, ReportForms forms, CodeThrottle throttle,
            Problems problems, de.wahlwerk.server.setup.SetupDirectory setup) {
        this.codes = codes;
        this.entry = entry;
        this.forms = forms;
        this.throttle = throttle;
        this.problems = problems;
        this.setup = setup;
    }

    @GetMapping("/q/{code}")
    String open(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
        var target = resolve(code, request, response);
        if (target == null) {
            return "entry/code-invalid";
        }
        return page(model, code, target, Map.of(), Map.of(), null);
    }

    @PostMapping("/q/{code}")
    String submit(@PathVariable String code, @RequestParam Map<String, String> params, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        var target = resolve(code, request, response);
        if (target == null) {
            return "entry/code-invalid";
        }
        Map<String, String> values = EntryUiController.prefixed(params, EntryUiController.VALUE_PREFIX);
        Map<String, String> reasons = EntryUiController.prefixed(params, EntryUiController.REASON_PREFIX);
        var unit = setup.unit(target.unitId()).orElseThrow();
        try {
            entry.submit(new Submission(target.electionId(), target.unitId(), values, reasons, null,
                    Submission.Channel.PHONE, null), "Wahlvorstand " + unit.officialKey());
        } catch (InvalidInputException e) {
            return page(model, code, target, values, reasons, e.problems());
        }
        codes.consume(code);
        model.addAttribute("unit", unit);
        return "entry/code-thanks";
    }

    private UnitCodes.Target resolve(String code, HttpServletRequest request, HttpServletResponse response) {
        try (var attempt = throttle.attempt(request.getRemoteAddr())) {
            if (!attempt.admitted()) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return null;
            }
            var target = codes.resolve(code);
            if (target.isEmpty()) {
                attempt.count();
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return null;
            }
            return target.get();
        }
    }

    private String page(Model model, String code, UnitCodes.Target target, Map<String, String> values,
            Map<String, String> reasons, List<de.wahlwerk.server.web.FieldProblem> errors) {
        var election = setup.election(target.electionId()).orElseThrow();
        var unit = setup.unit(target.unitId()).orElseThrow();
        model.addAttribute("form", forms.form(election, unit));
        model.addAttribute("phone", true);
        model.addAttribute("action", "/q/" + code);
        model.addAttribute("checkUrl", null);
        model.addAttribute("history", List.of());
        model.addAttribute("confirmed", null);
        model.addAttribute("values", values);
        model.addAttribute("reasons", reasons);
        model.addAttribute("correctionReason", null);
        model.addAttribute("zone", EntryService.ZONE);
        EntryUiController.errorsInto(model, problems, errors);
        return "entry/form";
    }
}
