package de.wahlwerk.server.setup;

import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.Problems;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Upload page for the day's area geometry (maps on the public pages). */
@Controller
@RequestMapping("/admin/setup")
class GeometryUiController {

    private final AreaGeometries geometries;
    private final ElectionDayService days;
    private final Problems problems;

    GeometryUiController(AreaGeometries geometries, ElectionDayService days, Problems problems) {
        this.geometries = geometries;
        this.days = days;
        this.problems = problems;
    }

    @GetMapping("/days/{id}/geometry")
    String form(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        model.addAttribute("count", geometries.count(id));
        return "setup/geometry";
    }

    @PostMapping("/days/{id}/geometry")
    String upload(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        model.addAttribute("day", days.day(id));
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileMissing", true);
        } else {
            try {
                model.addAttribute("stored", geometries.upload(id, file.getOriginalFilename(), file.getBytes()));
            } catch (InvalidInputException e) {
                model.addAttribute("problems", e.problems().stream().map(problems::message).toList());
            }
        }
        model.addAttribute("count", geometries.count(id));
        return "setup/geometry";
    }
}
