package de.wahlwerk.server.entry;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Issues the one-time codes and shows them once as a printable sheet (one block per unit). */
@Controller
@RequestMapping("/admin/entry/elections/{id}/codes")
class CodeSheetController {

    private final UnitCodes codes;
    private final de.wahlwerk.server.setup.SetupDirectory setup;
    private final de.wahlwerk.server.ops.WahlwerkProperties properties;

    CodeSheetController(UnitCodes codes, de.wahlwerk.server.setup.SetupDirectory setup,
            de.wahlwerk.server.ops.WahlwerkProperties properties) {
        this.codes = codes;
        this.setup = setup;
        this.properties = properties;
    }

    @GetMapping
    String page(@PathVariable long id, Model model) {
        model.addAttribute("election", setup.election(id).orElseThrow(() -> new de.wahlwerk.server.web.NotFoundException("election", id)));
        return "entry/codes";
    }

    @PostMapping
    String issue(@PathVariable long id, HttpServletRequest request, Model model) {
        String base = properties.baseUrl() == null || properties.baseUrl().isBlank()
                ? request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                : properties.baseUrl().replaceAll("/$", "");
        model.addAttribute("printed", codes.issue(id, base));
        model.addAttribute("election", setup.election(id).orElseThrow(() -> new de.wahlwerk.server.web.NotFoundException("election", id)));
        return "entry/codes";
    }
}
