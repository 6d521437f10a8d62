package de.wahlwerk.server.results;

import de.wahlwerk.server.setup.ElectionDayService;
import de.wahlwerk.server.web.Forms;
import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The seats page of an election: result, explanation, and the form for a drawn lot when one is needed. */
@Controller
@RequestMapping("/admin/results")
class SeatUiController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(SeatService.ZONE);

    private final SeatService seats;
    private final ElectionDayService days;
    private final Forms forms;

    SeatUiController(SeatService seats, ElectionDayService days, Forms forms) {
        this.seats = seats;
        this.days = days;
        this.forms = forms;
    }

    @GetMapping("/elections/{id}/seats")
    String page(@PathVariable long id, Model model) {
        SeatReport report = pageModel(id, model);
        LotForm form = new LotForm();
        if (report.pendingLot() != null) {
            form.setDecisionKey(report.pendingLot().decisionKey());
            form.setDrawnOrder(new ArrayList<>(java.util.Collections.nCopies(report.pendingLot().tied().size(), "")));
            form.setDrawnAt(LocalDateTime.now(SeatService.ZONE).truncatedTo(ChronoUnit.MINUTES));
        }
        model.addAttribute("form", form);
        return "results/seats";
    }

    @PostMapping("/elections/{id}/lots")
    String recordLot(@PathVariable long id, @Valid @ModelAttribute("form") LotForm form, BindingResult binding,
            Model model, RedirectAttributes ra) {
        pageModel(id, model);
        return forms.submit(binding, () -> {
            seats.recordLot(id, form);
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/results/elections/" + id + "/seats";
        }, "results/seats");
    }

    /** The form to correct an entered lot, prefilled with the entry (administrators of the day). */
    @GetMapping("/elections/{id}/lots/{lotId}/correction")
    String correctionPage(@PathVariable long id, @PathVariable long lotId, Model model) {
        SeatReport.LotRow lot = correctionModel(id, lotId, model);
        LotCorrectionForm form = new LotCorrectionForm();
        form.setDecisionKey(lot.decisionKey());
        form.setDrawnOrder(new ArrayList<>(lot.drawnOrder()));
        form.setDrawnBy(lot.drawnBy());
        form.setDrawnAt(LocalDateTime.ofInstant(lot.drawnAt(), SeatService.ZONE).truncatedTo(ChronoUnit.MINUTES));
        form.setReason(lot.reason());
        model.addAttribute("form", form);
        return "results/lot-correction";
    }

    @PostMapping("/elections/{id}/lots/{lotId}/correction")
    String correctLot(@PathVariable long id, @PathVariable long lotId, @Valid @ModelAttribute("form") LotCorrectionForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        correctionModel(id, lotId, model);
        return forms.submit(binding, () -> {
            seats.correctLot(id, lotId, form);
            ra.addFlashAttribute("saved", true);
            return "redirect:/admin/results/elections/" + id + "/seats";
        }, "results/lot-correction");
    }

    private SeatReport.LotRow correctionModel(long id, long lotId, Model model) {
        if (!seats.canRecordLots(id)) {
            throw new org.springframework.security.access.AccessDeniedException("lots are corrected by administrators");
        }
        SeatReport.LotRow lot = seats.lot(id, lotId);
        var election = days.election(id);
        model.addAttribute("lot", lot);
        model.addAttribute("choices", seats.correctionChoices(id, lotId));
        model.addAttribute("election", election);
        model.addAttribute("day", days.day(election.electionDayId()));
        model.addAttribute("timeFormat", TIME);
        return lot;
    }

    private SeatReport pageModel(long id, Model model) {
        SeatReport report = seats.report(id);
        var election = days.election(id);
        model.addAttribute("report", report);
        model.addAttribute("election", election);
        model.addAttribute("day", days.day(election.electionDayId()));
        model.addAttribute("canRecordLots", seats.canRecordLots(id));
        model.addAttribute("timeFormat", TIME);
        model.addAttribute("uncovered", report.constituencies().stream().filter(c -> !c.elected()).count());
        return report;
    }
}
