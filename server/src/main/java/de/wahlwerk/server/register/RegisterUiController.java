package de.wahlwerk.server.register;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.register.State;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages of the electoral roll (German first, English via the bundles). */
@Controller
@RequestMapping("/admin/register")
class RegisterUiController {

    /** One election on the day page: its roll (if built), summary and counts per district. */
    record ElectionView(Election election, RegisterStore.RollInfo roll, Map<String, Long> summary,
            List<UnitRow> units) {}

    record UnitRow(ReportingUnit unit, long a1, long a2) {}

    private final RegisterService register;
    private final SetupDirectory setup;
    private final AccessPolicy access;
    private final Problems problems;

    RegisterUiController(RegisterService register, SetupDirectory setup, AccessPolicy access, Problems problems) {
        this.register = register;
        this.setup = setup;
        this.access = access;
        this.problems = problems;
    }

    @GetMapping("/days/{dayId}")
    String day(@PathVariable long dayId, Model model) {
        var day = register.day(dayId);
        model.addAttribute("day", day);
        model.addAttribute("files", register.files(dayId));
        boolean admin = access.canManageDay(dayId);
        model.addAttribute("admin", admin);
        model.addAttribute("states", State.values());
        State state = register.defaultState(dayId);
        model.addAttribute("defaultState", state == null ? "" : state.name());
        model.addAttribute("defaultCutoff", de.wahlwerk.core.register.EligibilityRules.defaultCutoff(day.date()));
        Map<Long, ReportingUnit> units = new LinkedHashMap<>();
        setup.units(dayId).forEach(u -> units.put(u.id(), u));
        List<ElectionView> elections = new ArrayList<>();
        for (Election e : setup.elections(dayId)) {
            var roll = register.roll(e.id()).orElse(null);
            List<UnitRow> rows = new ArrayList<>();
            if (roll != null) {
                register.counts(e.id()).forEach(c -> rows.add(new UnitRow(units.get(c.unitId()), c.a1(), c.a2())));
            }
            elections.add(new ElectionView(e, roll, roll == null ? Map.of() : register.summary(e.id()), rows));
        }
        model.addAttribute("elections", elections);
        return "register/day";
    }

    @PostMapping("/days/{dayId}/residents")
    String residents(@PathVariable long dayId, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes ra) throws IOException {
        register.requireAdministrator();
        if (file == null || file.isEmpty()) {
            return dayWithErrors(dayId, model, List.of(msg("register.fileMissing")));
        }
        try (InputStream in = file.getInputStream()) {
            var summary = register.importResidents(dayId, file.getOriginalFilename(), in);
            ra.addFlashAttribute("imported", msg("register.imported", summary.rows(), summary.file()));
            return "redirect:/admin/register/days/" + dayId;
        } catch (RegisterImportRejected e) {
            return dayWithErrors(dayId, model, importMessages(e));
        } catch (InvalidInputException e) {
            return dayWithErrors(dayId, model, e.problems().stream().map(problems::message).toList());
        }
    }

    @PostMapping("/days/{dayId}/streets")
    String streets(@PathVariable long dayId, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes ra) throws IOException {
        register.requireAdministrator();
        if (file == null || file.isEmpty()) {
            return dayWithErrors(dayId, model, List.of(msg("register.fileMissing")));
        }
        try {
            var summary = register.importStreets(dayId, file.getOriginalFilename(), file.getBytes());
            ra.addFlashAttribute("imported", msg("register.importedStreets", summary.rows(), summary.file()));
            return "redirect:/admin/register/days/" + dayId;
        } catch (RegisterImportRejected e) {
            return dayWithErrors(dayId, model, importMessages(e));
        }
    }

    @PostMapping("/elections/{electionId}/build")
    String build(@PathVariable long electionId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate cutoff,
            @RequestParam(required = false) String state, @RequestParam(required = false) Integer minAge,
            Model model, RedirectAttributes ra) {
        register.requireAdministrator();
        Election e = register.election(electionId);
        try {
            var summary = register.build(electionId, new RegisterService.BuildRequest(cutoff, state, minAge));
            ra.addFlashAttribute("imported", msg("register.built", e.name(), summary.counts().get("onRoll"),
                    summary.counts().get("unassigned")));
            return "redirect:/admin/register/days/" + e.electionDayId();
        } catch (InvalidInputException ex) {
            return dayWithErrors(e.electionDayId(), model, ex.problems().stream().map(problems::message).toList());
        }
    }

    @GetMapping("/elections/{electionId}/units/{unitId}")
    String unitRoll(@PathVariable long electionId, @PathVariable long unitId, Model model) {
        register.requireAdministrator();
        var entries = register.unitRoll(electionId, unitId);
        model.addAttribute("election", register.election(electionId));
        model.addAttribute("unit", setup.unit(unitId).orElseThrow());
        model.addAttribute("entries", entries);
        return "register/roll";
    }

    @GetMapping("/elections/{electionId}/unassigned")
    String unassigned(@PathVariable long electionId, Model model) {
        register.requireAdministrator();
        var entries = register.unassigned(electionId);
        model.addAttribute("election", register.election(electionId));
        model.addAttribute("entries", entries);
        return "register/unassigned";
    }

    @GetMapping("/elections/{electionId}/changes")
    String changes(@PathVariable long electionId, Model model) {
        register.requireAdministrator();
        return changesPage(electionId, model, List.of(), null);
    }

    @PostMapping("/elections/{electionId}/changes")
    String change(@PathVariable long electionId, @RequestParam(required = false) String registerId,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String unitKey, Model model, RedirectAttributes ra) {
        register.requireAdministrator();
        var request = new RegisterService.ChangeRequest(registerId, kind, reason, unitKey);
        try {
            register.change(electionId, request);
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/register/elections/" + electionId + "/changes";
        } catch (InvalidInputException e) {
            return changesPage(electionId, model, e.problems().stream().map(problems::message).toList(), request);
        }
    }

    private String changesPage(long electionId, Model model, List<String> errors, RegisterService.ChangeRequest form) {
        Election e = register.election(electionId);
        model.addAttribute("election", e);
        model.addAttribute("changes", register.changes(electionId));
        Map<Long, String> unitKeys = new LinkedHashMap<>();
        setup.units(e.electionDayId()).forEach(u -> unitKeys.put(u.id(), u.officialKey()));
        model.addAttribute("unitKeys", unitKeys);
        model.addAttribute("kinds", RegisterService.ChangeKind.values());
        model.addAttribute("errors", errors);
        model.addAttribute("changeForm", form == null ? new RegisterService.ChangeRequest("", "", "", "") : form);
        return "register/changes";
    }

    private String dayWithErrors(long dayId, Model model, List<String> errors) {
        model.addAttribute("errors", errors);
        return day(dayId, model);
    }

    private static List<String> importMessages(RegisterImportRejected e) {
        Locale locale = LocaleContextHolder.getLocale();
        return e.problems().stream().map(p -> p.message(locale)).toList();
    }

    private String msg(String key, Object... args) {
        return problems.message(de.wahlwerk.server.web.FieldProblem.of(null, key, args));
    }
}
