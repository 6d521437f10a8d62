package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.Candidate;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.Nomination;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.Area;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API for the election setup. Reads need any staff role within scope, writes an
 * administrator; errors come back as RFC 9457 problem details naming each field.
 */
@RestController
@RequestMapping("/api/setup")
class SetupApiController {

    private final ElectionDayService days;
    private final AreaService areas;
    private final NominationService nominations;

    private final jakarta.validation.Validator validator;

    SetupApiController(ElectionDayService days, AreaService areas, NominationService nominations,
            jakarta.validation.Validator validator) {
        this.validator = validator;
        this.days = days;
        this.areas = areas;
        this.nominations = nominations;
    }

    @GetMapping("/days")
    List<ElectionDayStore.Day> days() {
        return days.visibleDays();
    }

    @PostMapping("/days")
    ResponseEntity<Map<String, Long>> createDay(@Valid @RequestBody ElectionDayForm form) {
        return created("/api/setup/days/", days.createDay(form));
    }

    @GetMapping("/days/{id}")
    ElectionDayStore.Day day(@PathVariable long id) {
        return days.day(id);
    }

    @PutMapping("/days/{id}")
    ElectionDayStore.Day updateDay(@PathVariable long id, @Valid @RequestBody ElectionDayForm form) {
        days.updateDay(id, form);
        return days.day(id);
    }

    @GetMapping("/days/{id}/elections")
    List<Election> elections(@PathVariable long id) {
        return days.elections(id);
    }

    @PostMapping("/days/{id}/elections")
    ResponseEntity<Map<String, Long>> createElection(@PathVariable long id, @Valid @RequestBody ElectionForm form) {
        return created("/api/setup/elections/", days.createElection(id, form));
    }

    @GetMapping("/elections/{id}")
    Election election(@PathVariable long id) {
        return days.election(id);
    }

    @PutMapping("/elections/{id}")
    Election updateElection(@PathVariable long id, @Valid @RequestBody ElectionForm form) {
        days.updateElection(id, form);
        return days.election(id);
    }

    @GetMapping("/days/{id}/areas")
    List<Area> areas(@PathVariable long id) {
        return areas.areas(id);
    }

    @PostMapping("/days/{id}/areas")
    ResponseEntity<Map<String, Long>> createArea(@PathVariable long id, @Valid @RequestBody AreaForm form) {
        return created("/api/setup/areas/", areas.createArea(id, form));
    }

    @GetMapping("/areas/{id}")
    Area area(@PathVariable long id) {
        return areas.area(id);
    }

    @PutMapping("/areas/{id}")
    Area updateArea(@PathVariable long id, @Valid @RequestBody AreaForm form) {
        areas.updateArea(id, form);
        return areas.area(id);
    }

    @GetMapping("/days/{id}/stations")
    List<PollingStation> stations(@PathVariable long id) {
        return areas.stations(id);
    }

    @PostMapping("/days/{id}/stations")
    ResponseEntity<Map<String, Long>> createStation(@PathVariable long id, @Valid @RequestBody PollingStationForm form) {
        return created("/api/setup/stations/", areas.createStation(id, form));
    }

    @GetMapping("/stations/{id}")
    PollingStation station(@PathVariable long id) {
        return areas.station(id);
    }

    @PutMapping("/stations/{id}")
    PollingStation updateStation(@PathVariable long id, @Valid @RequestBody PollingStationForm form) {
        areas.updateStation(id, form);
        return areas.station(id);
    }

    @GetMapping("/days/{id}/units")
    List<AreaService.UnitView> units(@PathVariable long id) {
        return areas.units(id);
    }

    @PostMapping("/days/{id}/units")
    ResponseEntity<Map<String, Long>> createUnit(@PathVariable long id, @Valid @RequestBody ReportingUnitForm form) {
        return created("/api/setup/units/", areas.createUnit(id, form));
    }

    /** Many units at once (a JSON array, at most {@link AreaService#BULK_LIMIT}); all or nothing. */
    @PostMapping("/days/{id}/units/bulk")
    ResponseEntity<Map<String, Integer>> createUnits(@PathVariable long id, @RequestBody List<ReportingUnitForm> forms) {
        List<de.wahlwerk.server.web.FieldProblem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            for (var v : validator.validate(forms.get(i))) {
                String t = v.getMessageTemplate();
                String key = t.startsWith("{") && t.endsWith("}") ? t.substring(1, t.length() - 1) : "field.invalid";
                problems.add(de.wahlwerk.server.web.FieldProblem.of("units[" + i + "]." + v.getPropertyPath(), key));
            }
        }
        if (!problems.isEmpty()) {
            throw new de.wahlwerk.server.web.InvalidInputException(problems);
        }
        return ResponseEntity.status(org.springframework.http.HttpStatus.CREATED)
                .body(Map.of("created", areas.createUnits(id, forms)));
    }

    @GetMapping("/units/{id}")
    AreaService.UnitView unit(@PathVariable long id) {
        return areas.unit(id);
    }

    @PutMapping("/units/{id}")
    AreaService.UnitView updateUnit(@PathVariable long id, @Valid @RequestBody ReportingUnitForm form) {
        areas.updateUnit(id, form);
        return areas.unit(id);
    }

    @GetMapping("/elections/{id}/nominations")
    List<Nomination> nominations(@PathVariable long id) {
        return nominations.nominations(id);
    }

    @PostMapping("/elections/{id}/nominations")
    ResponseEntity<Map<String, Long>> createNomination(@PathVariable long id, @Valid @RequestBody NominationForm form) {
        return created("/api/setup/nominations/", nominations.createNomination(id, form));
    }

    @GetMapping("/nominations/{id}")
    Nomination nomination(@PathVariable long id) {
        return nominations.nomination(id);
    }

    @PutMapping("/nominations/{id}")
    Nomination updateNomination(@PathVariable long id, @Valid @RequestBody NominationForm form) {
        nominations.updateNomination(id, form);
        return nominations.nomination(id);
    }

    @GetMapping("/nominations/{id}/candidates")
    List<Candidate> candidates(@PathVariable long id) {
        return nominations.candidates(id);
    }

    @PostMapping("/nominations/{id}/candidates")
    ResponseEntity<Map<String, Long>> createCandidate(@PathVariable long id, @Valid @RequestBody CandidateForm form) {
        return created("/api/setup/candidates/", nominations.createCandidate(id, form));
    }

    @GetMapping("/candidates/{id}")
    Candidate candidate(@PathVariable long id) {
        return nominations.candidate(id);
    }

    @PutMapping("/candidates/{id}")
    Candidate updateCandidate(@PathVariable long id, @Valid @RequestBody CandidateForm form) {
        nominations.updateCandidate(id, form);
        return nominations.candidate(id);
    }

    private static ResponseEntity<Map<String, Long>> created(String prefix, long id) {
        return ResponseEntity.created(URI.create(prefix + id)).body(Map.of("id", id));
    }
}
