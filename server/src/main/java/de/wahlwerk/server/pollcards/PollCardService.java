package de.wahlwerk.server.pollcards;

import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.ElectionDay;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.pdf.TaggedPdf;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.setup.SetupDirectory;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Polling notices, polling-card requests and polling cards of an election with a built roll.
 *
 * <p>Law (Bundestag; the Länder's municipal rules follow the same pattern, e.g. § 19 ff. GLKrWO
 * Bayern — check the Land's text before relying on a detail):
 * <ul>
 * <li>§ 19 BWO: every voter on the roll gets a polling notice with district, polling station (and
 * whether it is step-free), voting hours and how to request a polling card.</li>
 * <li>§ 27 Abs. 1 BWO: a request in writing or electronically, not by phone; Abs. 3: with family name,
 * given names, date of birth and address; Abs. 4: until the second day before the election, 18:00.</li>
 * <li>§ 28 Abs. 1 BWO: the card is issued by the municipality of the roll; Abs. 3: the roll gets the
 * mark „W“ (Sperrvermerk, § 30 BWO); Abs. 10: a card said not to have arrived may be replaced until the
 * day before the election, 12:00, the old one being declared invalid.</li>
 * <li>§ 17 Abs. 1 BWG with § 85 BWO: a person may learn what the roll holds about themselves, by
 * inspection at the office; nobody learns online whether someone else is registered. So the public
 * form answers every well-formed request the same way (received, answer by post) and the office
 * decides.</li>
 * </ul>
 * Who may do what: the public submits requests; everything with personal data (queue, cards, notices)
 * needs an administrator of the election day, and each read is audited ({@code read-personal-data}).
 * Audit entries carry ids and references, never names: the audit log is kept longer than personal data.
 */
@Service
public class PollCardService {

    static final LocalTime POLLS_OPEN = LocalTime.of(8, 0); // § 47 BWO: Wahlzeit 8 bis 18 Uhr
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A request as typed into the public form (or by the office for one made in writing). */
    record RequestForm(String noticeNumber, String familyName, String givenNames, String birthDate, String street,
            String houseNumber, String postalCode, String city, String mailTo) {

        static RequestForm empty(String notice) {
            return new RequestForm(notice == null ? "" : notice, "", "", "", "", "", "", "", "");
        }
    }

    private final PollCardStore store;
    private final SetupDirectory setup;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final PdfTexts texts;

    PollCardService(PollCardStore store, SetupDirectory setup, AccessPolicy access, AuditLog audit,
            MessageSource messages) {
        this.store = store;
        this.setup = setup;
        this.access = access;
        this.audit = audit;
        this.texts = new PdfTexts(messages);
    }

    // --- access --------------------------------------------------------------------------------

    Election election(long electionId) {
        return setup.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
    }

    ElectionDay day(Election e) {
        return setup.day(e.electionDayId()).orElseThrow(() -> new NotFoundException("election day", e.electionDayId()));
    }

    /** Personal data: administrators of the election day only (403 for anyone else, before any lookup). */
    Election requireOffice(long electionId) {
        if (!access.current().has(Role.ADMIN)) {
            throw new AccessDeniedException("polling cards are for administrators");
        }
        Election e = election(electionId);
        access.requireManageDay(e.electionDayId());
        return e;
    }

    private String actor() {
        return access.current().username();
    }

    String actorName() {
        return actor();
    }

    // --- notices -------------------------------------------------------------------------------

    /** Gives every person on the roll a notice number (idempotent); returns how many were added. */
    @Transactional
    public int assignNoticeNumbers(long electionId) {
        requireOffice(electionId);
        if (!store.hasRoll(electionId)) {
            throw new InvalidInputException(FieldProblem.of("roll", "register.error.noRoll"));
        }
        int added = 0;
        while (true) {
            List<Long> missing = store.withoutNumber(electionId, 5000);
            if (missing.isEmpty()) {
                break;
            }
            List<Object[]> rows = new ArrayList<>(missing.size());
            missing.forEach(id -> rows.add(new Object[] {id, randomCode(10)}));
            added += store.insertNumbers(electionId, rows); // a clash (2^-50 per pair) comes round again
        }
        if (added > 0) {
            audit.record("assign-notice-numbers", "election", electionId, null, Map.of("added", added));
        }
        return added;
    }

    Notice notice(Election e, ElectionDay day, PollCardStore.NoticeRow r, String baseUrl) {
        return new Notice(r.number(), r.familyName(), r.givenNames(), r.street(), r.postalCode(), r.city(), e.name(),
                day.date(), POLLS_OPEN, day.pollsClose(), r.unitKey(), r.unitName(), r.stationName(),
                r.stationStreet(), r.stationPostalCode(), r.stationCity(), r.stepFree(), requestUrl(baseUrl, e.id(),
                        r.number()));
    }

    static String requestUrl(String baseUrl, long electionId, String number) {
        return baseUrl + "/wahlschein/" + electionId + "?nr=" + number;
    }

    /** One voter's notice as PDF (e.g. a replacement by post); audited. */
    @Transactional
    public byte[] noticePdf(long electionId, String registerId, String baseUrl) {
        Election e = requireOffice(electionId);
        assignNoticeNumbers(electionId);
        PollCardStore.NoticeRow row = store.notice(electionId, registerId)
                .orElseThrow(() -> new NotFoundException("notice", registerId));
        audit.record("read-personal-data", "election", electionId, null,
                Map.of("view", "notice", "resident", row.residentId()));
        try (TaggedPdf pdf = new TaggedPdf(texts.get("notice.title") + " " + e.name(), "de-DE")) {
            new NoticePages(texts).render(pdf, notice(e, day(e), row, baseUrl));
            return pdf.toBytes();
        }
    }

    // --- public requests -----------------------------------------------------------------------

    /** Whether the public form takes requests now (§ 27 Abs. 4 BWO: until two days before, 18:00). */
    boolean open(Election e) {
        if (!store.hasRoll(e.id())) {
            return false;
        }
        LocalDateTime deadline = day(e).date().minusDays(2).atTime(18, 0);
        return LocalDateTime.now(ZONE).isBefore(deadline);
    }

    LocalDateTime deadline(Election e) {
        return day(e).date().minusDays(2).atTime(18, 0);
    }

    /**
     * Stores a request and returns its reference. The answer never depends on whether the person is
     * on the roll: a request that matches nobody is stored just the same, for the office to answer
     * by post. Only malformed input is refused, field by field.
     */
    @Transactional
    public String submit(long electionId, RequestForm form, String channel) {
        Election e = election(electionId);
        if (!open(e)) {
            throw new InvalidInputException(FieldProblem.of("form", "pollcards.error.closed"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String family = required(form.familyName(), "familyName", 200, problems);
        String given = required(form.givenNames(), "givenNames", 200, problems);
        LocalDate birth = birthDate(form.birthDate(), problems);
        String street = required(form.street(), "street", 200, problems);
        String house = required(form.houseNumber(), "houseNumber", 10, problems);
        String postal = required(form.postalCode(), "postalCode", 5, problems);
        if (postal != null && !postal.matches("\\d{5}")) {
            problems.add(FieldProblem.of("postalCode", "pollcards.error.postalCode"));
        }
        String city = required(form.city(), "city", 100, problems);
        String mailTo = form.mailTo() == null || form.mailTo().isBlank() ? null : form.mailTo().strip();
        if (mailTo != null && mailTo.length() > 500) {
            problems.add(FieldProblem.of("mailTo", "pollcards.error.length", 500));
        }
        String notice = normaliseNotice(form.noticeNumber());
        if (notice != null && !notice.matches("[" + ALPHABET + "]{10}")) {
            problems.add(FieldProblem.of("noticeNumber", "pollcards.error.noticeNumber"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Long resident = notice != null ? store.matchByNotice(electionId, notice, birth).orElse(null) : null;
        if (resident == null) {
            List<Long> persons = store.matchByPerson(electionId, family, birth, street, house, postal);
            resident = persons.size() == 1 ? persons.getFirst() : null;
        }
        String reference = randomCode(10);
        long id = store.insertRequest(electionId, reference, channel, notice, family, given, birth, street, house,
                postal, city, mailTo, resident);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("reference", reference);
        after.put("channel", channel);
        after.put("matched", resident != null);
        audit.recordAs("public", "polling-card-request", "polling_card_request", id, null, after);
        return reference;
    }

    private static String required(String value, String field, int max, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(FieldProblem.of(field, "pollcards.error.required"));
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            problems.add(FieldProblem.of(field, "pollcards.error.length", max));
            return null;
        }
        return v;
    }

    private static LocalDate birthDate(String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of("birthDate", "pollcards.error.required"));
            return null;
        }
        String t = text.strip();
        try {
            LocalDate d = t.contains(".") ? LocalDate.parse(t, DateTimeFormatter.ofPattern("d.M.uuuu", Locale.GERMAN)
                    .withResolverStyle(java.time.format.ResolverStyle.STRICT))
                    : LocalDate.parse(t);
            if (d.isAfter(LocalDate.now(ZONE)) || d.isBefore(LocalDate.of(1900, 1, 1))) {
                problems.add(FieldProblem.of("birthDate", "pollcards.error.birthDate"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("birthDate", "pollcards.error.birthDate"));
            return null;
        }
    }

    static String normaliseNotice(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String randomCode(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    // --- the office's queue --------------------------------------------------------------------

    @Transactional
    public List<PollCardStore.Request> queue(long electionId, String status) {
        requireOffice(electionId);
        List<PollCardStore.Request> requests = store.requests(electionId, status);
        audit.record("read-personal-data", "election", electionId, null,
                Map.of("view", "polling-card-requests", "persons", requests.size()));
        return requests;
    }

    PollCardStore.Request requestOf(long electionId, long requestId) {
        return store.request(requestId).filter(r -> r.electionId() == electionId)
                .orElseThrow(() -> new NotFoundException("polling card request", requestId));
    }

    /** Approves a request: issues the polling card and marks the roll „W“. Never twice for a person. */
    @Transactional
    public long approve(long electionId, long requestId) {
        requireOffice(electionId);
        PollCardStore.Request r = requestOf(electionId, requestId);
        String status = store.lockRequest(requestId).orElseThrow();
        if (!"RECEIVED".equals(status)) {
            throw new InvalidInputException(FieldProblem.of("request", "pollcards.error.decided"));
        }
        if (r.residentId() == null) {
            throw new InvalidInputException(FieldProblem.of("request", "pollcards.error.unmatched"));
        }
        long card = issue(electionId, r.residentId(), requestId, null);
        store.decide(requestId, "ISSUED", null, actor());
        audit.record("decide-polling-card-request", "polling_card_request", requestId, Map.of("status", status),
                Map.of("status", "ISSUED", "card", card));
        return card;
    }

    @Transactional
    public void reject(long electionId, long requestId, String reason) {
        requireOffice(electionId);
        requestOf(electionId, requestId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollcards.error.reason"));
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollcards.error.length", 1000));
        }
        String status = store.lockRequest(requestId).orElseThrow();
        if (!"RECEIVED".equals(status)) {
            throw new InvalidInputException(FieldProblem.of("request", "pollcards.error.decided"));
        }
        store.decide(requestId, "REJECTED", reason.strip(), actor());
        audit.record("decide-polling-card-request", "polling_card_request", requestId, Map.of("status", status),
                Map.of("status", "REJECTED", "reason", reason.strip()));
    }

    /**
     * Issues a card: sets the mark first (the row lock makes concurrent issuers wait, and the second
     * then finds the mark), then inserts the card, whose partial unique index refuses a second valid one.
     */
    private long issue(long electionId, long residentId, Long requestId, Long replaces) {
        if (replaces == null && store.markRoll(electionId, residentId) != 1) {
            throw new InvalidInputException(FieldProblem.of("request", "pollcards.error.alreadyIssued"));
        }
        long card;
        try {
            card = store.insertCard(electionId, residentId, requestId, replaces, actor());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException(FieldProblem.of("request", "pollcards.error.alreadyIssued"));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("resident", residentId);
        after.put("request", requestId);
        after.put("replaces", replaces);
        audit.record("issue-polling-card", "polling_card", card, null, after);
        return card;
    }

    /**
     * Replaces a card that did not arrive (§ 28 Abs. 10 BWO): until the day before the election, 12:00;
     * the old card is declared invalid (for the boards' list) and a new one issued.
     */
    @Transactional
    public long replace(long electionId, long cardId, String reason) {
        Election e = requireOffice(electionId);
        PollCardStore.Card old = store.card(cardId).filter(c -> c.electionId() == electionId)
                .orElseThrow(() -> new NotFoundException("polling card", cardId));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollcards.error.reason"));
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollcards.error.length", 1000));
        }
        if (!LocalDateTime.now(ZONE).isBefore(day(e).date().minusDays(1).atTime(12, 0))) {
            throw new InvalidInputException(FieldProblem.of("reason", "pollcards.error.replaceClosed"));
        }
        if (store.invalidate(cardId, reason.strip()) != 1) {
            throw new InvalidInputException(FieldProblem.of("card", "pollcards.error.cardInvalid"));
        }
        audit.record("invalidate-polling-card", "polling_card", cardId, Map.of("valid", true),
                Map.of("valid", false, "reason", reason.strip()));
        return issue(electionId, old.residentId(), old.requestId(), cardId);
    }

    // --- cards and labels ----------------------------------------------------------------------

    @Transactional
    public List<PollCardStore.Card> cards(long electionId) {
        requireOffice(electionId);
        List<PollCardStore.Card> cards = store.cards(electionId);
        audit.record("read-personal-data", "election", electionId, null,
                Map.of("view", "polling-cards", "persons", cards.size()));
        return cards;
    }

    @Transactional
    public byte[] cardPdf(long electionId, long cardId) {
        Election e = requireOffice(electionId);
        PollCardStore.Card card = store.card(cardId).filter(c -> c.electionId() == electionId)
                .orElseThrow(() -> new NotFoundException("polling card", cardId));
        if (!card.valid()) {
            throw new InvalidInputException(FieldProblem.of("card", "pollcards.error.cardInvalid"));
        }
        audit.record("read-personal-data", "polling_card", cardId, null, Map.of("view", "polling-card-pdf"));
        return new CardPages(texts).card(e, day(e), card);
    }

    /** Envelope labels for every valid card (or only those issued after {@code afterCard}). */
    @Transactional
    public byte[] labelsPdf(long electionId) {
        Election e = requireOffice(electionId);
        List<PollCardStore.Card> cards = store.cards(electionId).stream().filter(PollCardStore.Card::valid).toList();
        audit.record("read-personal-data", "election", electionId, null,
                Map.of("view", "envelope-labels", "persons", cards.size()));
        return new CardPages(texts).labels(e, cards);
    }

    Optional<Long> validCards(long electionId) {
        return Optional.of(store.validCards(electionId));
    }
}
