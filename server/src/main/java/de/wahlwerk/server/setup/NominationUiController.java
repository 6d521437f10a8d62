package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.web.Forms;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for an election's nominations and their candidates. */
@Controller
@RequestMapping("/admin/setup")
class NominationUiController {

    private final ElectionDayService days;
    private final NominationService nominations;
    private final AccessPolicy access;
    private final Forms forms;

    NominationUiController(ElectionDayService days, NominationService nominations, AccessPolicy access, Forms forms) {
        this.days = days;
        this.nominations = nominations;
        this.access = access;
        this.forms = forms;
    }

    @ModelAttribute
    void enums(Model model) {
        model.addAttribute("groupKinds", GroupKind.values());
    }

    @GetMapping("/elections/{id}")
    String election(@PathVariable long id, Model model) {
        var e = days.election(id);
        model.addAttribute("election", e);
        model.addAttribute("day", days.day(e.electionDayId()));
        var list = nominations.nominations(id);
        model.addAttribute("nominations", list);
        model.addAttribute("areasById", list.stream().filter(n -> n.areaId() != null)
                .collect(java.util.stream.Collectors.toMap(Nomination::areaId, nominations::areaOf, (a, b) -> a)));
        model.addAttribute("canManage", access.canManageDay(e.electionDayId()));
        return "setup/election";
    }

    @GetMapping("/elections/{id}/nominations/new")
    String newNomination(@PathVariable long id, Model model) {
        electionModel(id, model);
        NominationForm form = new NominationForm();
        form.setVoteKind(days.election(id).kind().voteKinds().getFirst());
        model.addAttribute("form", form);
        return "setup/nomination-form";
    }

    @PostMapping("/elections/{id}/nominations")
    String createNomination(@PathVariable long id, @Valid @ModelAttribute("form") NominationForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        electionModel(id, model);
        return forms.submit(binding, () -> {
            long n = nominations.createNomination(id, form);
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/setup/nominations/" + n;
        }, "setup/nomination-form");
    }

    @GetMapping("/nominations/{id}")
    String nomination(@PathVariable long id, Model model) {
        Nomination n = nominations.nomination(id);
        electionModel(n.electionId(), model);
        model.addAttribute("nomination", n);
        model.addAttribute("area", nominations.areaOf(n));
        model.addAttribute("candidates", nominations.candidates(id));
        return "setup/nomination";
    }

    @GetMapping("/nominations/{id}/edit")
    String editNomination(@PathVariable long id, Model model) {
        Nomination n = nominations.nomination(id);
        electionModel(n.electionId(), model);
        model.addAttribute("nomination", n);
        model.addAttribute("form", FormMapping.nominationForm(n, nominations.areaOf(n)));
        return "setup/nomination-form";
    }

    @PostMapping("/nominations/{id}")
    String updateNomination(@PathVariable long id, @Valid @ModelAttribute("form") NominationForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        Nomination n = nominations.nomination(id);
        electionModel(n.electionId(), model);
        model.addAttribute("nomination", n);
        return forms.submit(binding, () -> {
            nominations.updateNomination(id, form);
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/setup/nominations/" + id;
        }, "setup/nomination-form");
    }

    @GetMapping("/nominations/{id}/candidates/new")
    String newCandidate(@PathVariable long id, Model model) {
        Nomination n = nominations.nomination(id);
        electionModel(n.electionId(), model);
        model.addAttribute("nomination", n);
        CandidateForm form = new CandidateForm();
        form.setListPosition(nominations.candidates(id).size() + 1);
        model.addAttribute("form", form);
        return "setup/candidate-form";
    }

    @PostMapping("/nominations/{id}/candidates")
    String createCandidate(@PathVariable long id, @Valid @ModelAttribute("form") CandidateForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        Nomination n = nominations.nomination(id);
        electionModel(n.electionId(), model);
        model.addAttribute("nomination", n);
        return forms.submit(binding, () -> {
            nominations.createCandidate(id, form);
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/setup/nominations/" + id;
        }, "setup/candidate-form");
    }

    @GetMapping("/candidates/{id}/edit")
    String editCandidate(@PathVariable long id, Model model) {
        var c = nominations.candidate(id);
        Nomination n = nominations.nomination(c.nominationId());
        electionModel(n.electionId(), model);
        model.addAttribute("nomination", n);
        model.addAttribute("candidate", c);
        model.addAttribute("form", FormMapping.candidateForm(c));
        return "setup/candidate-form";
    }

    @PostMapping("/candidates/{id}")
    String updateCandidate(@PathVariable long id, @Valid @ModelAttribute("form") CandidateForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        var c = nominations.candidate(id);
        Nomination n = nominations.nomination(c.nominationId());
        electionModel(n.electionId(), model);
        model.addAttribute("nomination", n);
        model.addAttribute("candidate", c);
        return forms.submit(binding, () -> {
            nominations.updateCandidate(id, form);
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/setup/nominations/" + n.id();
        }, "setup/candidate-form");
    }

    private void electionModel(long electionId, Model model) {
        var e = days.election(electionId);
        model.addAttribute("election", e);
        model.addAttribute("day", days.day(e.electionDayId()));
        model.addAttribute("voteKinds", e.kind().voteKinds());
    }
}
