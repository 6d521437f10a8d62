package de.wahlwerk.server.results;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.OfficialKeys;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.seats.bundestag.Bundestag2025;
import de.wahlwerk.core.seats.municipal.MunicipalLaw;
import de.wahlwerk.server.audit.AuditLog;
import de.wahlwerk.server.security.AccessPolicy;
import de.wahlwerk.server.setup.ElectionDayService;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import de.wahlwerk.server.web.NotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seats of an election from the votes stored for it: builds the input of the law the election
 * kind and date call for, applies the lots entered, and explains the result. When the law needs a
 * lot the report says which tie; when the data does not suffice it says what is missing.
 *
 * <p>Reads need any staff role that can see the election's day; entering a lot needs an
 * administrator of the day, and is audited in the same transaction.
 */
@Service
public class SeatService {

    /** The 2023 reform of the BWG (630 seats, second-vote coverage) applies from the 2025 election on. */
    static final LocalDate BWG_2023_FROM = LocalDate.of(2025, 1, 1);
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final SeatStore store;
    private final ElectionDayService days;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Texts texts;
    private final LiveTallies tallies;
    private final de.wahlwerk.server.setup.SetupDirectory setup;

    SeatService(SeatStore store, ElectionDayService days, AccessPolicy access, AuditLog audit, MessageSource messages,
            LiveTallies tallies, de.wahlwerk.server.setup.SetupDirectory setup) {
        this.tallies = tallies;
        this.setup = setup;
        this.store = store;
        this.days = days;
        this.access = access;
        this.audit = audit;
        this.texts = new Texts(messages);
    }

    /** The seat report of an election the current user may see (404 otherwise). */
    @Transactional(readOnly = true)
    public SeatReport report(long electionId) {
        days.election(electionId); // visibility check: outside the user's scope looks like "not found"
        return compute(electionId);
    }

    /** For the operator's console command ({@code ./wahlwerk seats --election}), which has no signed-in user. */
    @Transactional(readOnly = true)
    public SeatReport reportForOperator(long electionId) {
        return compute(electionId);
    }

    /** Whether the current user may enter lots for this election. */
    @Transactional(readOnly = true)
    public boolean canRecordLots(long electionId) {
        return access.canManageDay(days.election(electionId).electionDayId());
    }

    /**
     * Records the lot the current calculation is waiting for. The decision key must be the one the
     * calculation names, and the drawn order must list each tied contender exactly once.
     */
    @Transactional
    public long recordLot(long electionId, LotForm form) {
        var election = days.election(electionId);
        access.requireManageDay(election.electionDayId());
        SeatReport current = compute(electionId, NO_LOT);
        if (current.status() != SeatReport.Status.LOT_REQUIRED
                || !current.pendingLot().decisionKey().equals(form.getDecisionKey())) {
            throw new InvalidInputException(FieldProblem.of("decisionKey", "results.lot.notPending",
                    form.getDecisionKey()));
        }
        if (store.lot(electionId, form.getDecisionKey()).isPresent()) {
            // the votes changed since the lot was entered and the tie is now a different one: the
            // entered lot must be corrected (with a reason), not entered a second time
            throw new InvalidInputException(FieldProblem.of("decisionKey", "results.lot.correctInstead",
                    form.getDecisionKey()));
        }
        List<String> tied = current.pendingLot().tied();
        List<String> order = drawnOrder(form, tied);
        ZonedDateTime drawnAt = drawnAt(form);
        String user = access.current().username();
        long id = store.insertLot(electionId, form.getDecisionKey(), order, form.getDrawnBy(), drawnAt.toInstant(),
                form.getReason(), user);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("election", electionId);
        after.put("decision", form.getDecisionKey());
        after.put("tied", tied);
        after.put("contestedSeats", current.pendingLot().contestedSeats());
        after.put("drawnOrder", order);
        after.put("drawnBy", form.getDrawnBy());
        after.put("drawnAt", drawnAt.toOffsetDateTime().toString());
        after.put("reason", form.getReason());
        audit.record("record-lot", "seat_lot", id, null, after);
        return id;
    }

    /**
     * Corrects an entered lot: the entry is superseded (kept, with who and when) and the corrected
     * lot recorded with the reason for the correction, audited in the same transaction. The drawn
     * order must name the ids of the tie this decision settles now (computed without the lot being
     * corrected), or, when the calculation no longer reaches that tie, the ids of the entry.
     */
    @Transactional
    public long correctLot(long electionId, long lotId, LotCorrectionForm form) {
        var election = days.election(electionId);
        access.requireManageDay(election.electionDayId());
        SeatStore.StoredLot old = store.lockedLot(electionId, lotId)
                .orElseThrow(() -> new NotFoundException("lot", lotId));
        if (!old.current()) {
            throw new InvalidInputException(FieldProblem.of("decisionKey", "results.lot.alreadyCorrected",
                    old.decisionKey()));
        }
        if (!old.decisionKey().equals(form.getDecisionKey())) {
            throw new InvalidInputException(FieldProblem.of("decisionKey", "results.lot.keyMismatch",
                    old.decisionKey()));
        }
        SeatReport without = compute(electionId, lotId);
        List<String> tied = without.status() == SeatReport.Status.LOT_REQUIRED
                && without.pendingLot().decisionKey().equals(old.decisionKey())
                ? without.pendingLot().tied() : old.drawnOrder();
        List<String> order = drawnOrder(form, tied);
        ZonedDateTime drawnAt = drawnAt(form);
        String user = access.current().username();
        if (!store.supersede(old.id(), user)) {
            throw new InvalidInputException(FieldProblem.of("decisionKey", "results.lot.alreadyCorrected",
                    old.decisionKey()));
        }
        long id = store.insertCorrection(electionId, old, order, form.getDrawnBy(), drawnAt.toInstant(),
                form.getReason(), form.getCorrectionReason(), user);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("lot", old.id());
        before.put("decision", old.decisionKey());
        before.put("drawnOrder", old.drawnOrder());
        before.put("drawnBy", old.drawnBy());
        before.put("drawnAt", old.drawnAt().atZone(ZONE).toOffsetDateTime().toString());
        before.put("reason", old.reason());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("election", electionId);
        after.put("decision", old.decisionKey());
        after.put("corrects", old.id());
        after.put("tied", tied);
        after.put("drawnOrder", order);
        after.put("drawnBy", form.getDrawnBy());
        after.put("drawnAt", drawnAt.toOffsetDateTime().toString());
        after.put("reason", form.getReason());
        after.put("correctionReason", form.getCorrectionReason());
        audit.record("correct-lot", "seat_lot", id, before, after);
        return id;
    }

    /** The entered lot of this election for the correction page (404 if it is not one of its lots). */
    @Transactional(readOnly = true)
    public SeatReport.LotRow lot(long electionId, long lotId) {
        days.election(electionId);
        return report(electionId).lots().stream().filter(l -> l.id() == lotId).findFirst()
                .orElseThrow(() -> new NotFoundException("lot", lotId));
    }

    /** The ids the drawn order may name: the current tie of the lot's decision, or its entered ids. */
    @Transactional(readOnly = true)
    public List<String> correctionChoices(long electionId, long lotId) {
        SeatReport.LotRow lot = lot(electionId, lotId);
        SeatReport without = compute(electionId, lotId);
        return without.status() == SeatReport.Status.LOT_REQUIRED
                && without.pendingLot().decisionKey().equals(lot.decisionKey())
                ? without.pendingLot().tied() : lot.drawnOrder();
    }

    private static List<String> drawnOrder(LotForm form, List<String> tied) {
        List<String> order = form.getDrawnOrder().stream().map(s -> s == null ? "" : s.strip()).toList();
        if (order.size() != tied.size() || !new HashSet<>(order).equals(new HashSet<>(tied))) {
            throw new InvalidInputException(FieldProblem.of("drawnOrder", "results.lot.orderInvalid",
                    String.join(", ", tied)));
        }
        return order;
    }

    private static ZonedDateTime drawnAt(LotForm form) {
        ZonedDateTime drawnAt = form.getDrawnAt().atZone(ZONE);
        if (drawnAt.isAfter(ZonedDateTime.now(ZONE).plusMinutes(5))) {
            throw new InvalidInputException(FieldProblem.of("drawnAt", "results.lot.drawnInFuture"));
        }
        return drawnAt;
    }

    private static final long NO_LOT = -1;

    private SeatReport compute(long electionId) {
        return compute(electionId, NO_LOT);
    }

    /** The report; {@code withoutLot} names a lot left out (to see which tie it settles), or {@link #NO_LOT}. */
    private SeatReport compute(long electionId, long withoutLot) {
        SeatStore.ElectionInfo e = store.election(electionId).orElseThrow(() -> new NotFoundException("election", electionId));
        Optional<SeatStore.SourceInfo> source = store.resultSource(electionId, e.date());
        // Without a published result, the confirmed quick reports so far: "if counting stopped now".
        List<ResultRecord> live = source.isEmpty() ? liveRecords(e) : List.of();
        SeatCalculation.Head head = new SeatCalculation.Head(e.id(), e.name(), e.kind().name(), e.date(),
                source.map(s -> new SeatReport.Source(s.id(), s.label(), s.format(), s.fileName()))
                        .orElse(live.isEmpty() ? null : new SeatReport.Source(null,
                                texts.get("results.live.label"), "live", null)));
        String kindText = texts.get("electionKind." + e.kind().name());
        return switch (e.kind()) {
            case BUNDESTAG -> {
                if (e.date().isBefore(BWG_2023_FROM)) {
                    // BWG 2020: Sitzkontingente by German population per Land, which no import provides yet
                    yield SeatCalculation.needsInput(head, SeatCalculation.BUNDESTAG_2021,
                            List.of(texts.of("results.missing.population")), texts);
                }
                if (source.isEmpty() && live.isEmpty()) {
                    yield SeatCalculation.needsInput(head, SeatCalculation.BUNDESTAG_2025,
                            List.of(texts.of("results.missing.source")), texts);
                }
                SeatStore.Ballots ballots = store.ballots(electionId);
                var input = BundestagInput.from(source.isPresent() ? store.records(source.get().id()) : live,
                        BundestagInput.independents(ballots.independents()), ballots.nominees(), texts);
                int house = e.seats() == null ? Bundestag2025.HOUSE_SIZE : e.seats();
                yield SeatCalculation.bundestag2025(head, house, input, lots(electionId, withoutLot), texts);
            }
            case MUNICIPAL_COUNCIL, COUNTY_COUNCIL -> council(head, e, source, live, lots(electionId, withoutLot));
            case LANDTAG -> landtag(head, e, source, live, lots(electionId, withoutLot), kindText);
            case EUROPEAN_PARLIAMENT -> SeatCalculation.needsInput(head, null,
                    List.of(texts.of("results.missing.lawNotConnected", kindText)), texts);
            case MAYOR, LORD_MAYOR, COUNTY_HEAD, REFERENDUM -> SeatCalculation.needsInput(head, null,
                    List.of(texts.of("results.missing.noSeats", kindText)), texts);
        };
    }

    /**
     * The Landtag of the Land of the organiser's key: only Bayern's law is implemented; its votes
     * are the Stimmkreis records (CONSTITUENCY) of the result or of the live tally.
     */
    private SeatReport landtag(SeatCalculation.Head head, SeatStore.ElectionInfo e,
            Optional<SeatStore.SourceInfo> source, List<ResultRecord> live, List<SeatStore.StoredLot> lots,
            String kindText) {
        String scope = e.scopeKey() == null ? "" : e.scopeKey();
        if (!scope.startsWith("09")) {
            return SeatCalculation.needsInput(head, null,
                    List.of(texts.of("results.missing.landtagLand", kindText, scope)), texts);
        }
        if (source.isEmpty() && live.isEmpty()) {
            return SeatCalculation.needsInput(head, SeatCalculation.LANDTAG_BY,
                    List.of(texts.of("results.missing.source")), texts);
        }
        return SeatCalculation.landtagBayern(head, source.isPresent() ? store.records(source.get().id()) : live, lots,
                texts);
    }

    private List<SeatStore.StoredLot> lots(long electionId, long withoutLot) {
        return store.lots(electionId).stream().filter(l -> l.id() != withoutLot).toList();
    }

    private SeatReport council(SeatCalculation.Head head, SeatStore.ElectionInfo e,
            Optional<SeatStore.SourceInfo> source, List<ResultRecord> live, List<SeatStore.StoredLot> lots) {
        List<SeatReport.Text> missing = new ArrayList<>();
        Optional<MunicipalLaw> law = municipalLaw(e.scopeKey());
        if (law.isEmpty()) {
            missing.add(texts.of("results.missing.land", e.scopeKey()));
        }
        if (e.seats() == null) {
            missing.add(texts.of("results.missing.seats"));
        }
        Map<String, Long> votes = source.map(s -> listVotes(store.records(s.id()), e.kind()))
                .orElseGet(() -> live.isEmpty() ? Map.of() : listVotes(live, e.kind()));
        if (source.isEmpty() && live.isEmpty()) {
            missing.add(texts.of("results.missing.source"));
        } else if (votes.isEmpty()) {
            missing.add(texts.of("results.missing.listVotes"));
        }
        if (!missing.isEmpty()) {
            return SeatCalculation.needsInput(head, SeatCalculation.COUNCIL, missing, texts);
        }
        return SeatCalculation.council(head, law.get(), e.seats(), votes, store.listLengths(e.id()),
                lots, texts);
    }

    /** The live tally's areas of the election's hierarchy, or nothing while no report is confirmed. */
    private List<ResultRecord> liveRecords(SeatStore.ElectionInfo e) {
        var election = setup.election(e.id()).orElse(null);
        if (election == null) {
            return List.of();
        }
        var tally = tallies.tally(e.id());
        boolean anyReported = tally.snapshots().stream().anyMatch(s -> s.unitsReported() > 0);
        if (!anyReported) {
            return List.of();
        }
        String hierarchy = election.hierarchy() != null ? election.hierarchy()
                : de.wahlwerk.core.model.Hierarchy.ADMINISTRATIVE.code();
        return LiveSeatInput.records(tally, hierarchy, election.kind().voteKinds());
    }

    /**
     * List votes of the whole electoral area: the records of the highest level the source has
     * (the municipality's total row), or, without one, the sum over the unit records.
     */
    static Map<String, Long> listVotes(List<ResultRecord> records, ElectionKind kind) {
        VoteKind voteKind = kind.voteKinds().getFirst();
        Optional<AreaLevel> top = records.stream().map(ResultRecord::level).filter(l -> !l.equals("UNIT"))
                .map(AreaLevel::valueOf).min(Enum::compareTo);
        Map<String, Long> votes = new LinkedHashMap<>();
        records.stream().filter(r -> top.map(t -> r.level().equals(t.name())).orElse(r.level().equals("UNIT")))
                .forEach(r -> r.votes(voteKind).forEach((group, n) -> votes.merge(group, n, Long::sum)));
        return votes;
    }

    /** The Land's municipal election law from the organiser's official key (AGS, first two digits). */
    static Optional<MunicipalLaw> municipalLaw(String scopeKey) {
        if (scopeKey == null || scopeKey.length() < 2 || !scopeKey.substring(0, 2).chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        String state = OfficialKeys.isAgs(scopeKey) ? OfficialKeys.stateOfAgs(scopeKey) : scopeKey.substring(0, 2);
        return Optional.ofNullable(switch (state) {
            case "01" -> MunicipalLaw.SCHLESWIG_HOLSTEIN;
            case "03" -> MunicipalLaw.NIEDERSACHSEN;
            case "05" -> MunicipalLaw.NORDRHEIN_WESTFALEN;
            case "06" -> MunicipalLaw.HESSEN;
            case "07" -> MunicipalLaw.RHEINLAND_PFALZ;
            case "08" -> MunicipalLaw.BADEN_WUERTTEMBERG;
            case "09" -> MunicipalLaw.BAYERN;
            case "10" -> MunicipalLaw.SAARLAND;
            case "12" -> MunicipalLaw.BRANDENBURG;
            case "13" -> MunicipalLaw.MECKLENBURG_VORPOMMERN;
            case "14" -> MunicipalLaw.SACHSEN;
            case "15" -> MunicipalLaw.SACHSEN_ANHALT;
            case "16" -> MunicipalLaw.THUERINGEN;
            default -> null; // city states elect no municipal councils of this kind
        });
    }
}
