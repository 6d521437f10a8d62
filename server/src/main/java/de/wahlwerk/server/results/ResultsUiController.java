package de.wahlwerk.server.results;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The office's live results: per area of every hierarchy, with drill-down and live updates. */
@Controller
@RequestMapping("/admin/results/elections/{id}")
class ResultsUiController {

    private final ResultsService results;
    private final ResultEvents events;

    ResultsUiController(ResultsService results, ResultEvents events) {
        this.results = results;
        this.events = events;
    }

    @GetMapping
    String overview(@PathVariable long id, Model model) {
        var roots = results.roots(id);
        if (roots.size() == 1) {
            var r = roots.getFirst().area().ref();
            return "redirect:/admin/results/elections/" + id + "/areas/" + r.hierarchy().code() + "/" + r.key();
        }
        model.addAttribute("roots", roots);
        model.addAttribute("electionId", id);
        return "results/overview";
    }

    @GetMapping("/areas/{hierarchy}/{key}")
    String area(@PathVariable long id, @PathVariable String hierarchy, @PathVariable String key, Model model) {
        model.addAttribute("view", results.view(id, hierarchy, key));
        model.addAttribute("roots", results.roots(id));
        return "results/area";
    }

    @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@PathVariable long id) {
        results.roots(id);
        return events.subscribe(id);
    }
}
