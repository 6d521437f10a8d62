package de.wahlwerk.server.entry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Per election: two-person mode, rehearsal and plausibility thresholds (administrators of the day). */
@Controller
@RequestMapping("/admin/entry/elections/{id}/settings")
class EntrySettingsController {

    private final EntryService entry;
    private final Rehearsals rehearsals;
    private final de.wahlwerk.server.web.Problems problems;

    EntrySettingsController(EntryService entry, Rehearsals rehearsals, de.wahlwerk.server.web.Problems problems) {
        this.entry = entry;
        this.rehearsals = rehearsals;
        this.problems = problems;
    }

    @PostMapping("/rehearsal")
    String rehearse(@PathVariable long id, @RequestParam(defaultValue = "50") int percent, RedirectAttributes ra) {
        long copy = rehearsals.create(id, percent);
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/entry/elections/" + copy;
    }

    @PostMapping("/wipe")
    String wipe(@PathVariable long id, RedirectAttributes ra) {
        long original = entry.settings(id).rehearsalOf() == null ? id : entry.settings(id).rehearsalOf();
        rehearsals.wipe(id);
        ra.addFlashAttribute("wiped", true);
        return "redirect:/admin/entry/elections/" + original + "/settings";
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        model.addAttribute("settings", entry.settings(id));
        model.addAttribute("modes", EntrySettings.TwoPersonMode.values());
        model.addAttribute("keys", ThresholdSettings.KEYS);
        return "entry/settings";
    }

    @PostMapping
    String save(@PathVariable long id, @RequestParam EntrySettings.TwoPersonMode twoPersonMode,
            @RequestParam(defaultValue = "false") boolean rehearsal, @RequestParam(required = false) String thresholds,
            Model model, RedirectAttributes ra) {
        EntrySettings s = new EntrySettings(id, twoPersonMode, thresholds == null || thresholds.isBlank() ? null : thresholds,
                rehearsal);
        try {
            entry.updateSettings(s);
        } catch (de.wahlwerk.server.web.InvalidInputException e) {
            model.addAttribute("settings", s);
            model.addAttribute("modes", EntrySettings.TwoPersonMode.values());
            model.addAttribute("keys", ThresholdSettings.KEYS);
            model.addAttribute("problems", e.problems().stream().map(problems::message).toList());
            return "entry/settings";
        }
        ra.addFlashAttribute("saved", true);
        return "redirect:/admin/entry/elections/" + id + "/settings";
    }
}
