package de.wahlwerk.server.setup;

import de.wahlwerk.server.security.AccessPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page of the internal area: the election days the user may see. */
@Controller
class HomeController {

    private final ElectionDayService days;
    private final AccessPolicy access;

    HomeController(ElectionDayService days, AccessPolicy access) {
        this.days = days;
        this.access = access;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/admin";
    }

    @GetMapping("/admin")
    String home(Model model) {
        model.addAttribute("days", days.visibleDays());
        model.addAttribute("me", access.current());
        return "admin/home";
    }
}
