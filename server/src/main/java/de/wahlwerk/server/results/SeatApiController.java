package de.wahlwerk.server.results;

import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST API of the seat calculation: the report (result and explanation, or the tie needing a lot,
 * or what is missing) for any staff member who can see the election; entering and correcting a
 * drawn lot for administrators of the election day.
 */
@RestController
@RequestMapping("/api/results")
class SeatApiController {

    private final SeatService seats;

    SeatApiController(SeatService seats) {
        this.seats = seats;
    }

    @GetMapping("/elections/{id}/seats")
    SeatReport seats(@PathVariable long id) {
        return seats.report(id);
    }

    /** Records the drawn order; answers 201 with the report recalculated with it. */
    @PostMapping("/elections/{id}/lots")
    ResponseEntity<SeatReport> recordLot(@PathVariable long id, @Valid @RequestBody LotForm form) {
        seats.recordLot(id, form);
        return ResponseEntity.created(URI.create("/api/results/elections/" + id + "/seats")).body(seats.report(id));
    }

    /**
     * Corrects an entered lot (with {@code correctionReason}); the entry is kept as superseded.
     * Answers 201 with the report recalculated with the corrected lot.
     */
    @PostMapping("/elections/{id}/lots/{lotId}/correction")
    ResponseEntity<SeatReport> correctLot(@PathVariable long id, @PathVariable long lotId,
            @Valid @RequestBody LotCorrectionForm form) {
        seats.correctLot(id, lotId, form);
        return ResponseEntity.created(URI.create("/api/results/elections/" + id + "/seats")).body(seats.report(id));
    }
}
