package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Area;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.web.Forms;
import jakarta.validation.Valid;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for election days, elections, areas, polling stations and reporting units. */
@Controller
@RequestMapping("/admin/setup")
class SetupUiController {

    private final ElectionDayService days;
    private final AreaService areas;
    private final AccessPolicy access;
    private final Forms forms;

    SetupUiController(ElectionDayService days, AreaService areas, AccessPolicy access, Forms forms) {
        this.days = days;
        this.areas = areas;
        this.access = access;
        this.forms = forms;
    }

    @ModelAttribute
    void enums(Model model) {
        model.addAttribute("electionKinds", ElectionKind.values());
        model.addAttribute("areaLevels", AreaLevel.values());
        model.addAttribute("unitKinds", UnitKind.values());
        model.addAttribute("groupKinds", GroupKind.values());
    }

    // --- election days ---

    @GetMapping("/days/new")
    String newDay(Model model) {
        model.addAttribute("form", new ElectionDayForm());
        return "setup/day-form";
    }

    @PostMapping("/days")
    String createDay(@Valid @ModelAttribute("form") ElectionDayForm form, BindingResult binding, RedirectAttributes ra) {
        return forms.submit(binding, () -> saved(ra, "redirect:/admin/setup/days/" + days.createDay(form)), "setup/day-form");
    }

    @GetMapping("/days/{id}")
    String day(@PathVariable long id, Model model) {
        var day = days.day(id);
        model.addAttribute("day", day);
        model.addAttribute("elections", days.elections(id));
        model.addAttribute("areaCount", areas.areas(id).size());
        model.addAttribute("stationCount", areas.stations(id).size());
        var units = areas.units(id);
        model.addAttribute("pollingCount", units.stream().filter(u -> u.unit().kind() == UnitKind.POLLING).count());
        model.addAttribute("postalCount", units.stream().filter(u -> u.unit().kind() == UnitKind.POSTAL).count());
        model.addAttribute("canManage", access.canManageDay(id));
        return "setup/day";
    }

    @GetMapping("/days/{id}/edit")
    String editDay(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        model.addAttribute("form", FormMapping.dayForm(days.day(id)));
        return "setup/day-form";
    }

    @PostMapping("/days/{id}")
    String updateDay(@PathVariable long id, @Valid @ModelAttribute("form") ElectionDayForm form, BindingResult binding,
            Model model, RedirectAttributes ra) {
        model.addAttribute("day", days.day(id));
        return forms.submit(binding, () -> {
            days.updateDay(id, form);
            return saved(ra, "redirect:/admin/setup/days/" + id);
        }, "setup/day-form");
    }

    // --- elections ---

    @GetMapping("/days/{id}/elections/new")
    String newElection(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        model.addAttribute("form", new ElectionForm());
        return "setup/election-form";
    }

    @PostMapping("/days/{id}/elections")
    String createElection(@PathVariable long id, @Valid @ModelAttribute("form") ElectionForm form, BindingResult binding,
            Model model, RedirectAttributes ra) {
        model.addAttribute("day", days.day(id));
        return forms.submit(binding,
                () -> saved(ra, "redirect:/admin/setup/elections/" + days.createElection(id, form)), "setup/election-form");
    }

    @GetMapping("/elections/{id}/edit")
    String editElection(@PathVariable long id, Model model) {
        var e = days.election(id);
        model.addAttribute("day", days.day(e.electionDayId()));
        model.addAttribute("election", e);
        model.addAttribute("form", FormMapping.electionForm(e));
        return "setup/election-form";
    }

    @PostMapping("/elections/{id}")
    String updateElection(@PathVariable long id, @Valid @ModelAttribute("form") ElectionForm form, BindingResult binding,
            Model model, RedirectAttributes ra) {
        var e = days.election(id);
        model.addAttribute("day", days.day(e.electionDayId()));
        model.addAttribute("election", e);
        return forms.submit(binding, () -> {
            days.updateElection(id, form);
            return saved(ra, "redirect:/admin/setup/elections/" + id);
        }, "setup/election-form");
    }

    // --- areas ---

    @GetMapping("/days/{id}/areas")
    String areas(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        List<Area> list = areas.areas(id);
        model.addAttribute("areas", list);
        model.addAttribute("byId", list.stream().collect(java.util.stream.Collectors.toMap(Area::id, a -> a)));
        model.addAttribute("canManage", access.canManageDay(id));
        return "setup/areas";
    }

    @GetMapping("/days/{id}/areas/new")
    String newArea(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        model.addAttribute("form", new AreaForm());
        return "setup/area-form";
    }

    @PostMapping("/days/{id}/areas")
    String createArea(@PathVariable long id, @Valid @ModelAttribute("form") AreaForm form, BindingResult binding,
            Model model, RedirectAttributes ra) {
        model.addAttribute("day", days.day(id));
        return forms.submit(binding, () -> {
            areas.createArea(id, form);
            return saved(ra, "redirect:/admin/setup/days/" + id + "/areas");
        }, "setup/area-form");
    }

    @GetMapping("/areas/{id}/edit")
    String editArea(@PathVariable long id, Model model) {
        Area a = areas.area(id);
        model.addAttribute("day", days.day(a.electionDayId()));
        model.addAttribute("area", a);
        model.addAttribute("form", FormMapping.areaForm(a, a.parentId() == null ? null : areas.area(a.parentId())));
        return "setup/area-form";
    }

    @PostMapping("/areas/{id}")
    String updateArea(@PathVariable long id, @Valid @ModelAttribute("form") AreaForm form, BindingResult binding,
            Model model, RedirectAttributes ra) {
        Area a = areas.area(id);
        model.addAttribute("day", days.day(a.electionDayId()));
        model.addAttribute("area", a);
        return forms.submit(binding, () -> {
            areas.updateArea(id, form);
            return saved(ra, "redirect:/admin/setup/days/" + a.electionDayId() + "/areas");
        }, "setup/area-form");
    }

    // --- polling stations ---

    @GetMapping("/days/{id}/stations")
    String stations(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        model.addAttribute("stations", areas.stations(id));
        return "setup/stations";
    }

    @GetMapping("/days/{id}/stations/new")
    String newStation(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        PollingStationForm form = new PollingStationForm();
        form.setAreaKey(days.day(id).scopeKey());
        model.addAttribute("form", form);
        return "setup/station-form";
    }

    @PostMapping("/days/{id}/stations")
    String createStation(@PathVariable long id, @Valid @ModelAttribute("form") PollingStationForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        model.addAttribute("day", days.day(id));
        return forms.submit(binding, () -> {
            areas.createStation(id, form);
            return saved(ra, "redirect:/admin/setup/days/" + id + "/stations");
        }, "setup/station-form");
    }

    @GetMapping("/stations/{id}/edit")
    String editStation(@PathVariable long id, Model model) {
        var s = areas.station(id);
        model.addAttribute("day", days.day(s.electionDayId()));
        model.addAttribute("station", s);
        model.addAttribute("form", FormMapping.stationForm(s, areas.area(s.areaId())));
        return "setup/station-form";
    }

    @PostMapping("/stations/{id}")
    String updateStation(@PathVariable long id, @Valid @ModelAttribute("form") PollingStationForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        var s = areas.station(id);
        model.addAttribute("day", days.day(s.electionDayId()));
        model.addAttribute("station", s);
        return forms.submit(binding, () -> {
            areas.updateStation(id, form);
            return saved(ra, "redirect:/admin/setup/days/" + s.electionDayId() + "/stations");
        }, "setup/station-form");
    }

    // --- reporting units ---

    @GetMapping("/days/{id}/units")
    String units(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        var units = areas.units(id);
        model.addAttribute("units", units);
        model.addAttribute("hierarchies", hierarchies(id));
        return "setup/units";
    }

    @GetMapping("/days/{id}/units/new")
    String newUnit(@PathVariable long id, Model model) {
        model.addAttribute("day", days.day(id));
        ReportingUnitForm form = new ReportingUnitForm();
        hierarchies(id).forEach(h -> form.getAreas().put(h, ""));
        model.addAttribute("form", form);
        return "setup/unit-form";
    }

    @PostMapping("/days/{id}/units")
    String createUnit(@PathVariable long id, @Valid @ModelAttribute("form") ReportingUnitForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        model.addAttribute("day", days.day(id));
        return forms.submit(binding, () -> {
            areas.createUnit(id, form);
            return saved(ra, "redirect:/admin/setup/days/" + id + "/units");
        }, "setup/unit-form");
    }

    @GetMapping("/units/{id}/edit")
    String editUnit(@PathVariable long id, Model model) {
        var v = areas.unit(id);
        long dayId = v.unit().electionDayId();
        model.addAttribute("day", days.day(dayId));
        model.addAttribute("unit", v);
        ReportingUnitForm form = FormMapping.unitForm(v);
        hierarchies(dayId).forEach(h -> form.getAreas().putIfAbsent(h, ""));
        model.addAttribute("form", form);
        return "setup/unit-form";
    }

    @PostMapping("/units/{id}")
    String updateUnit(@PathVariable long id, @Valid @ModelAttribute("form") ReportingUnitForm form,
            BindingResult binding, Model model, RedirectAttributes ra) {
        var v = areas.unit(id);
        model.addAttribute("day", days.day(v.unit().electionDayId()));
        model.addAttribute("unit", v);
        return forms.submit(binding, () -> {
            areas.updateUnit(id, form);
            return saved(ra, "redirect:/admin/setup/days/" + v.unit().electionDayId() + "/units");
        }, "setup/unit-form");
    }

    private Set<String> hierarchies(long dayId) {
        Set<String> result = new LinkedHashSet<>();
        areas.areas(dayId).forEach(a -> result.add(a.hierarchy()));
        return result;
    }

    private static String saved(RedirectAttributes ra, String target) {
        ra.addFlashAttribute("saved", true);
        return target;
    }
}
