package de.wahlwerk.server.pollworkers;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.core.model.PollingStation;
import de.wahlwerk.core.model.ReportingUnit;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.pollworkers.AssignmentStatus;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.pdf.TaggedPdf;
import de.wahlwerk.server.pdf.TextFlow;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.NotFoundException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointment letters (Berufungsschreiben) as tagged PDF: one per appointment, or one print file
 * with every open invitation of the day, ordered by district and role. Each letter carries a fresh
 * personal portal link; printing again replaces the links of the letters printed (the old ones stop
 * working), which the office page says next to the buttons.
 */
@Service
class AppointmentLetters {

    /** The letters are written in German (the office's language), whatever the office's UI language. */
    private static final String LANGUAGE = "de-DE";

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);

    private final PollWorkerService office;
    private final PollWorkerStore store;
    private final SetupDirectory setup;
    private final MessageSource messages;
    private final AuditLog audit;

    AppointmentLetters(PollWorkerService office, PollWorkerStore store, SetupDirectory setup, MessageSource messages,
            AuditLog audit) {
        this.office = office;
        this.store = store;
        this.setup = setup;
        this.messages = messages;
        this.audit = audit;
    }

    @Transactional
    public byte[] letter(long dayId, long assignmentId, String baseUrl) {
        ElectionDay day = office.requireOffice(dayId);
        BoardAssignment a = office.assignmentOfDay(dayId, assignmentId);
        if (!a.status().active()) {
            throw new NotFoundException("open assignment", assignmentId);
        }
        try (TaggedPdf pdf = new TaggedPdf(text("pollworkers.letter.title"), LANGUAGE)) {
            write(new TextFlow(pdf), day, a, baseUrl);
            audit.record("letter-pollworker", "board_assignment", assignmentId, null, Map.of("letters", 1));
            return pdf.toBytes();
        }
    }

    /** Every open invitation of the day in one PDF for printing and posting. */
    @Transactional
    public byte[] printFile(long dayId, String baseUrl) {
        ElectionDay day = office.requireOffice(dayId);
        List<BoardAssignment> open = store.assignmentsOfDay(dayId).stream()
                .filter(a -> a.status() == AssignmentStatus.INVITED)
                .sorted(Comparator.comparing(BoardAssignment::unitKey).thenComparing(BoardAssignment::role)
                        .thenComparingLong(BoardAssignment::id))
                .toList();
        try (TaggedPdf pdf = new TaggedPdf(text("pollworkers.letter.title") + " – " + day.name(), LANGUAGE)) {
            TextFlow flow = new TextFlow(pdf);
            if (open.isEmpty()) {
                flow.newPage(text("pollworkers.letter.title"));
                flow.paragraph(text("pollworkers.letter.none"));
            }
            open.forEach(a -> write(flow, day, a, baseUrl));
            audit.record("letter-pollworker", "election_day", dayId, null, Map.of("letters", open.size()));
            return pdf.toBytes();
        }
    }

    private void write(TextFlow flow, ElectionDay day, BoardAssignment a, String baseUrl) {
        PollWorker w = store.worker(a.workerId()).orElseThrow();
        ReportingUnit unit = setup.unit(a.unitId()).orElseThrow();
        PollingStation station = unit.pollingStationId() == null ? null : setup.station(unit.pollingStationId()).orElse(null);
        String elections = setup.elections(day.id()).stream().map(Election::name).collect(Collectors.joining(", "));
        String token = office.issueToken(a.id());
        boolean postal = unit.kind() == UnitKind.POSTAL;
        flow.newPage(w.displayName());
        flow.lines(List.of(text("pollworkers.letter.sender", day.name()), ""));
        flow.lines(List.of(w.displayName(), w.street() + " " + w.houseNumber(), w.postalCode() + " " + w.city()));
        flow.paragraph(text("pollworkers.letter.date", LocalDate.now(PortalTokens.ZONE).format(DATE)));
        flow.heading(text(postal ? "pollworkers.letter.headingPostal" : "pollworkers.letter.heading"));
        flow.paragraph(text("pollworkers.letter.salutation", w.displayName()));
        flow.paragraph(text(postal ? "pollworkers.letter.appointPostal" : "pollworkers.letter.appoint", elections,
                day.date().format(DATE), text("pollworkers.role." + a.role().name()), unit.officialKey(), unit.name()));
        if (station != null) {
            flow.paragraph(text("pollworkers.letter.station", station.name(), station.street(), station.postalCode(),
                    station.city(), text(station.stepFree() ? "pollworkers.letter.stepFree" : "pollworkers.letter.notStepFree")));
        }
        flow.paragraph(text("pollworkers.letter.duty"));
        flow.paragraph(text("pollworkers.letter.portal", PortalTokens.expiry(a.dayDate()).atZone(PortalTokens.ZONE)
                .toLocalDate().minusDays(1).format(DATE)));
        flow.paragraph(baseUrl + "/wahlhelfer/p/" + token);
        flow.paragraph(text("pollworkers.letter.privacy"));
        flow.paragraph(text("pollworkers.letter.closing"));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, Locale.GERMAN);
    }
}
