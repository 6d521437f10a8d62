package de.wahlwerk.server.setup;

import java.io.IOException;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload pages: an election bundle into a day, and published results (votemanager, kerg2). */
@Controller
@RequestMapping("/admin/setup")
class ImportUiController {

    private final Imports imports;
    private final ElectionDayService days;
    private final ResultStore results;

    ImportUiController(Imports imports, ElectionDayService days, ResultStore results) {
        this.imports = imports;
        this.days = days;
        this.results = results;
    }

    @GetMapping("/days/{id}/import")
    String bundleForm(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        return "setup/import-bundle";
    }

    @PostMapping("/days/{id}/import")
    String importBundle(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
            RedirectAttributes ra) throws IOException {
        model.addAttribute("day", days.day(id));
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileMissing", true);
            return "setup/import-bundle";
        }
        try {
            var summary = imports.bundle(id, file.getOriginalFilename(), file.getBytes());
            ra.addFlashAttribute("imported", summary);
            return "redirect:/admin/setup/days/" + id;
        } catch (ImportRejectedException e) {
            model.addAttribute("problems", messages(e));
            return "setup/import-bundle";
        }
    }

    @GetMapping("/results")
    String resultsPage(Model model) {
        model.addAttribute("sources", results.sources());
        model.addAttribute("formats", Imports.ResultFormat.values());
        model.addAttribute("zone", java.time.ZoneId.of("Europe/Berlin"));
        return "setup/results";
    }

    @PostMapping("/results")
    String importResults(@RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "VOTEMANAGER") Imports.ResultFormat format,
            @RequestParam(required = false) String label, @RequestParam(required = false) Long electionId,
            @RequestParam(required = false) String partyNames, Model model, RedirectAttributes ra) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileMissing", true);
            return resultsPage(model);
        }
        try {
            var summary = imports.results(format, file.getOriginalFilename(), file.getBytes(), label, electionId, partyNames);
            ra.addFlashAttribute("imported", summary);
            return "redirect:/admin/setup/results";
        } catch (ImportRejectedException e) {
            model.addAttribute("problems", messages(e));
            return resultsPage(model);
        }
    }

    private static java.util.List<String> messages(ImportRejectedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        return e.problems().stream().map(p -> p.message(locale)).toList();
    }
}
