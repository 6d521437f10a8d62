package de.wahlwerk.server.results;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.ApportionmentExplanation;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import de.wahlwerk.core.seats.bundestag.Bundestag2025;
import de.wahlwerk.core.seats.bundestag.Bundestag2025Result;
import de.wahlwerk.core.seats.bundestag.ConstituencyOutcome;
import de.wahlwerk.core.seats.bundestag.LandListResult;
import de.wahlwerk.core.seats.bundestag.ThresholdDecision;
import de.wahlwerk.core.seats.landtag.LandtagBayern;
import de.wahlwerk.core.seats.landtag.LandtagBayernResult;
import de.wahlwerk.core.seats.municipal.CouncilElection;
import de.wahlwerk.core.seats.municipal.CouncilMajority;
import de.wahlwerk.core.seats.municipal.MunicipalLaw;
import de.wahlwerk.server.results.SeatReport.ConstituencyRow;
import de.wahlwerk.server.results.SeatReport.Divisor;
import de.wahlwerk.server.results.SeatReport.DivisorStepRow;
import de.wahlwerk.server.results.SeatReport.ListRow;
import de.wahlwerk.server.results.SeatReport.LotRow;
import de.wahlwerk.server.results.SeatReport.LotUsed;
import de.wahlwerk.server.results.SeatReport.PartyRow;
import de.wahlwerk.server.results.SeatReport.PendingLot;
import de.wahlwerk.server.results.SeatReport.Status;
import de.wahlwerk.server.results.SeatReport.StepRow;
import de.wahlwerk.server.results.SeatReport.StepTable;
import de.wahlwerk.server.results.SeatReport.Text;
import de.wahlwerk.server.results.SeatReport.ThresholdRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a law of {@code core.seats} on prepared input and turns its outcome — result, lot required —
 * into a {@link SeatReport}. No I/O: the service and the command supply input, lots and texts.
 */
final class SeatCalculation {

    /** What every report starts with. */
    record Head(Long electionId, String electionName, String electionKind, LocalDate electionDate,
            SeatReport.Source source) {}

    static final String BUNDESTAG_2025 = "BUNDESTAG_2025";
    static final String BUNDESTAG_2021 = "BUNDESTAG_2021";
    static final String COUNCIL = "COUNCIL";
    static final String LANDTAG_BY = "LANDTAG_BY";

    private SeatCalculation() {}

    static Lots lots(List<SeatStore.StoredLot> stored) {
        Lots lots = Lots.none();
        for (SeatStore.StoredLot l : stored) {
            if (!l.current()) {
                continue; // superseded by a correction: kept for the record, not applied
            }
            lots = lots.with(l.decisionKey(), new Lot(l.drawnOrder()));
        }
        return lots;
    }

    static SeatReport needsInput(Head head, String law, List<Text> missing, Texts texts) {
        return new SeatReport(head.electionId(), head.electionName(), head.electionKind(), head.electionDate(), law,
                law == null ? null : texts.of("results.law." + law), head.source(), Status.NEEDS_INPUT,
                List.copyOf(missing), null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    // ---------------------------------------------------------------- Bundestag 2025

    static SeatReport bundestag2025(Head head, int houseSize, BundestagInput.Result input,
            List<SeatStore.StoredLot> stored, Texts texts) {
        if (input.votes() == null) {
            return needsInput(head, BUNDESTAG_2025, input.missing(), texts);
        }
        SeatOutcome<Bundestag2025Result> outcome = Bundestag2025.allocate(houseSize, input.votes(), lots(stored));
        Text law = texts.of("results.law." + BUNDESTAG_2025);
        List<Text> notes = new ArrayList<>(input.notes());
        if (outcome instanceof SeatOutcome.LotRequired<Bundestag2025Result> l) {
            return lotRequired(head, BUNDESTAG_2025, law, l, stored, notes, texts);
        }
        Bundestag2025Result r = ((SeatOutcome.Decided<Bundestag2025Result>) outcome).result();

        Map<String, Long> partyVotes = new LinkedHashMap<>();
        r.threshold().forEach(t -> partyVotes.put(t.party(), t.secondVotes()));
        long validSecond = input.votes().validSecondVotes();
        List<PartyRow> parties = new ArrayList<>();
        r.seatsPerParty().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> {
                    String p = e.getKey();
                    int covered = r.landLists().stream().filter(l -> l.party().equals(p)).mapToInt(LandListResult::covered).sum();
                    int vacant = r.landLists().stream().filter(l -> l.party().equals(p)).mapToInt(LandListResult::vacant).sum();
                    long votes = partyVotes.getOrDefault(p, 0L);
                    parties.add(new PartyRow(p, votes, percent(Rational.of(votes, validSecond)), e.getValue(), covered,
                            e.getValue() - covered, vacant));
                });
        for (var w : r.independentsElected()) {
            parties.add(new PartyRow(w.candidate().name(), 0, null, 1, 1, 0, 0));
            notes.add(texts.of("results.note.independentSecondVotes", w.candidate().name(),
                    w.constituency().number()));
        }

        List<ThresholdRow> thresholds = r.threshold().stream()
                .sorted(Comparator.comparingLong(ThresholdDecision::secondVotes).reversed())
                .map(t -> new ThresholdRow(t.party(), t.secondVotes(), percent(t.share()), t.constituencyWins(),
                        t.minority(), t.reason().name(), texts.of("results.threshold." + t.reason().name()),
                        t.admitted()))
                .toList();

        Map<String, Long> listVotes = new LinkedHashMap<>();
        input.votes().lists().forEach(l -> listVotes.put(l.land() + "\u0000" + l.party(), l.secondVotes()));
        List<ListRow> lists = r.landLists().stream()
                .map(l -> {
                    var persons = input.listCandidates().getOrDefault(BundestagInput.listKey(l.land(), l.party()), List.of());
                    return new ListRow(l.land(), l.party(), listVotes.getOrDefault(l.land() + "\u0000" + l.party(), 0L),
                            l.seats(), l.rankedWinners().size(), l.covered(), l.listSeats(), l.vacant(),
                            l.filling().named(), listPersons(l.filling().elected(), persons),
                            listPersons(l.filling().substitutes(), persons));
                })
                .toList();
        if (lists.stream().anyMatch(ListRow::named)) {
            notes.add(texts.of("results.note.listCandidates"));
        }

        List<ConstituencyRow> constituencies = new ArrayList<>();
        for (ConstituencyOutcome o : r.constituencies()) {
            var w = o.winner();
            String number = w.constituency().number();
            constituencies.add(new ConstituencyRow(number, input.constituencyNames().get(number), w.constituency().land(),
                    w.candidate().name(), w.candidate().party().orElse(null), w.candidate().firstVotes(),
                    percent(w.share()), o.status().name(), texts.of("results.status." + o.status().name()),
                    o.coverageRank().isPresent() ? o.coverageRank().getAsInt() : null, w.byLot(), o.elected()));
        }

        List<StepTable> steps = new ArrayList<>();
        steps.add(step("oberverteilung", texts.of("results.step.oberverteilung", r.oberverteilung().explanation().seats()),
                r.oberverteilung(), texts));
        if (r.majorityClause().party().isPresent()) {
            notes.add(texts.of("results.note.majorityClause", r.majorityClause().party().get(),
                    r.majorityClause().extraSeats()));
        }
        r.unterverteilung().forEach((party, a) -> steps.add(step("unterverteilung:" + party,
                texts.of("results.step.unterverteilung", party, a.explanation().seats()), a, texts)));

        Set<String> used = new HashSet<>();
        constituencies.stream().filter(ConstituencyRow::byLot).forEach(c -> used.add("wahlkreis:" + c.number()));
        steps.stream().filter(s -> s.lot() != null).forEach(s -> used.add(s.key()));
        for (LandListResult l : r.landLists()) {
            var ranked = l.rankedWinners();
            if (l.covered() > 0 && l.covered() < ranked.size()
                    && ranked.get(l.covered() - 1).share().equals(ranked.get(l.covered()).share())) {
                used.add("deckung:" + l.land() + ":" + l.party());
            }
        }
        return new SeatReport(head.electionId(), head.electionName(), head.electionKind(), head.electionDate(),
                BUNDESTAG_2025, law, head.source(), Status.DECIDED, List.of(), null, r.houseSize(), parties,
                thresholds, lists, constituencies, steps, lotRows(stored, used), notes);
    }

    /** The persons behind the calculation's keys, with their place on the list. */
    private static List<SeatReport.ListPerson> listPersons(List<String> keys, List<Nominees.Person> list) {
        Map<String, Nominees.Person> byKey = new LinkedHashMap<>();
        list.forEach(p -> byKey.putIfAbsent(p.key(), p));
        return keys.stream().map(byKey::get).map(p -> new SeatReport.ListPerson(p.name(), p.position())).toList();
    }

    // ---------------------------------------------------------------- councils

    /**
     * Seats per list of a council or Kreistag by the Land's method. Only list totals are stored, so
     * the persons elected (which depend on personal votes in most Länder) are not determined here.
     */
    static SeatReport council(Head head, MunicipalLaw law, int seats, Map<String, Long> listVotes,
            Map<String, Integer> listLengths, List<SeatStore.StoredLot> stored, Texts texts) {
        Text lawText = texts.of("results.law." + COUNCIL, texts.get("results.land." + law.name()));
        List<Contender> contenders = listVotes.entrySet().stream()
                .map(e -> new Contender(e.getKey(), e.getValue(), 0,
                        listLengths.getOrDefault(e.getKey(), Contender.UNLIMITED)))
                .toList();
        Lots lots = lots(stored);
        Apportionment a = Apportioner.apportion(law.method(), seats, contenders, lots.get(CouncilElection.SEATS_LOT),
                law.exhaustion());
        List<Text> notes = new ArrayList<>();
        notes.add(texts.of("results.note.councilPersons"));
        if (a instanceof Apportionment.LotRequired l) {
            if (law.listTieByCandidateVotes() && lots.get(CouncilElection.SEATS_LOT).isEmpty()) {
                // GLKrWG Art. 35 Abs. 2: the candidates' votes decide before a lot; they are not stored
                return needsInput(head, COUNCIL, List.of(texts.of("results.missing.candidateVotesForTie",
                        String.join(", ", l.tie().tied()))), texts);
            }
            var outcome = new SeatOutcome.LotRequired<Object>(CouncilElection.SEATS_LOT, l.tie(), law.name());
            return lotRequired(head, COUNCIL, lawText, outcome, stored, notes, texts);
        }
        // the Land's majority clause (GKWG § 10 Abs. 5 grows the body; KomWG § 21 Abs. 1 S. 5, KWahlG NRW § 33 Abs. 4 keep its size)
        var majority = CouncilMajority.apply(law, contenders, (Apportionment.Decided) a, lots);
        if (majority instanceof SeatOutcome.LotRequired<CouncilMajority.Applied> l) {
            return lotRequired(head, COUNCIL, lawText, l, stored, notes, texts);
        }
        CouncilMajority.Applied applied = majority.orElseThrow();
        Map<String, Integer> finalSeats = applied.clause().seats();
        long total = a.explanation().totalVotes();
        List<PartyRow> parties = a.explanation().rows().stream()
                .map(r -> new PartyRow(r.id(), r.votes(), total == 0 ? null : percent(Rational.of(r.votes(), total)),
                        finalSeats.getOrDefault(r.id(), 0), null, null, r.vacant()))
                .sorted(Comparator.comparingInt(PartyRow::seats).reversed()
                        .thenComparing(Comparator.comparingLong(PartyRow::votes).reversed()))
                .toList();
        List<StepTable> steps = new ArrayList<>();
        steps.add(step(CouncilElection.SEATS_LOT, texts.of("results.step.council", seats), a, texts));
        applied.clause().party().ifPresent(p -> notes.add(texts.of("results.note.councilMajority." + law.majorityRule(),
                p, applied.clause().extraSeats(), applied.clause().houseSize(), law.majorityParagraph())));
        applied.redistribution().ifPresent(r -> steps.add(step(CouncilMajority.LOT_KEY,
                texts.of("results.step.councilMajority", r.explanation().seats()), r, texts)));
        Set<String> used = new HashSet<>();
        steps.stream().filter(s -> s.lot() != null).forEach(s -> used.add(s.key()));
        return new SeatReport(head.electionId(), head.electionName(), head.electionKind(), head.electionDate(), COUNCIL,
                lawText, head.source(), Status.DECIDED, List.of(), null, applied.clause().houseSize(), parties,
                List.of(), List.of(), List.of(), steps, lotRows(stored, used), notes);
    }

    // ---------------------------------------------------------------- Landtag Bayern

    /**
     * Landtag Bayern from the Stimmkreis records: threshold on the Gesamtstimmen Land-wide,
     * Hare/Niemeyer per Wahlkreis with overhang and compensation (see {@link LandtagBayern}).
     */
    static SeatReport landtagBayern(Head head, List<ResultRecord> records, List<SeatStore.StoredLot> stored,
            Texts texts) {
        Lots lots = lots(stored);
        LandtagBayernInput.Result input = LandtagBayernInput.from(records, lots, texts);
        Text law = texts.of("results.law." + LANDTAG_BY);
        List<Text> notes = new ArrayList<>();
        if (input.tie().isPresent()) {
            var outcome = new SeatOutcome.LotRequired<Object>(input.tieKey(), input.tie().get(), "LWG: Los");
            return lotRequired(head, LANDTAG_BY, law, outcome, stored, notes, texts);
        }
        if (!input.missing().isEmpty()) {
            return needsInput(head, LANDTAG_BY, input.missing(), texts);
        }
        SeatOutcome<LandtagBayernResult> outcome = LandtagBayern.allocate(input.wahlkreise(), lots);
        if (outcome instanceof SeatOutcome.LotRequired<LandtagBayernResult> l) {
            return lotRequired(head, LANDTAG_BY, law, l, stored, notes, texts);
        }
        LandtagBayernResult r = outcome.orElseThrow();
        long total = input.landVotes().values().stream().mapToLong(Long::longValue).sum();
        Map<String, Integer> wins = new LinkedHashMap<>();
        input.stimmkreise().forEach(k -> wins.merge(k.winner(), 1, Integer::sum));
        List<PartyRow> parties = r.seatsPerParty().entrySet().stream()
                .map(e -> {
                    long votes = input.landVotes().getOrDefault(e.getKey(), 0L);
                    int direct = wins.getOrDefault(e.getKey(), 0);
                    return new PartyRow(e.getKey(), votes, percent(Rational.of(votes, total)), e.getValue(), direct,
                            e.getValue() - direct, 0);
                })
                .sorted(Comparator.comparingInt(PartyRow::seats).reversed()
                        .thenComparing(Comparator.comparingLong(PartyRow::votes).reversed()))
                .toList();
        List<ThresholdRow> thresholds = input.landVotes().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> {
                    boolean admitted = r.admitted().containsKey(e.getKey());
                    String reason = admitted ? "LWG_ADMITTED" : "LWG_BELOW";
                    return new ThresholdRow(e.getKey(), e.getValue(), percent(Rational.of(e.getValue(), total)),
                            wins.getOrDefault(e.getKey(), 0), false, reason, texts.of("results.threshold." + reason),
                            admitted);
                })
                .toList();
        List<ConstituencyRow> constituencies = input.stimmkreise().stream()
                .map(k -> {
                    boolean elected = r.admitted().containsKey(k.winner());
                    String status = elected ? "LANDTAG_ELECTED" : "LANDTAG_BELOW_THRESHOLD";
                    return new ConstituencyRow(k.key(), k.name(), LandtagBayern.WAHLKREISE.get(k.wahlkreis() - 1),
                            k.winner(), k.winner(), k.winnerVotes(),
                            k.validFirst() == 0 ? null : percent(Rational.of(k.winnerVotes(), k.validFirst())), status,
                            texts.of("results.status." + status), null, k.byLot(), elected);
                })
                .toList();
        List<StepTable> steps = new ArrayList<>();
        Set<String> used = new HashSet<>();
        input.stimmkreise().stream().filter(LandtagBayernInput.Stimmkreis::byLot)
                .forEach(k -> used.add(LandtagBayernInput.STIMMKREIS_LOT + k.key()));
        for (LandtagBayernResult.Wahlkreis w : r.wahlkreise()) {
            String key = "wahlkreis:" + w.name() + ":" + w.seats();
            steps.add(step(key, texts.of("results.step.landtagBy", w.name(), w.seats(), w.baseSeats()),
                    w.apportionment(), texts));
            w.overhang().forEach((party, n) -> {
                if (n > 0) {
                    notes.add(texts.of("results.note.landtagOverhang", w.name(), party, n, w.seats()));
                }
            });
        }
        steps.stream().filter(s -> s.lot() != null).forEach(s -> used.add(s.key()));
        return new SeatReport(head.electionId(), head.electionName(), head.electionKind(), head.electionDate(),
                LANDTAG_BY, law, head.source(), Status.DECIDED, List.of(), null, r.houseSize(), parties, thresholds,
                List.of(), constituencies, steps, lotRows(stored, used), notes);
    }

    // ---------------------------------------------------------------- shared

    private static SeatReport lotRequired(Head head, String law, Text lawText, SeatOutcome.LotRequired<?> l,
            List<SeatStore.StoredLot> stored, List<Text> notes, Texts texts) {
        Tie tie = l.tie();
        String kind = l.decision().contains(":") ? l.decision().substring(0, l.decision().indexOf(':')) : l.decision();
        String detail = l.decision().contains(":") ? l.decision().substring(kind.length() + 1) : "";
        // Landtag Bayern names its own kinds of decision (Stimmkreis, Wahlkreis remainders)
        String family = LANDTAG_BY.equals(law) ? "results.lot.explain.landtagBy." : "results.lot.explain.";
        Text explanation = texts.of(family + kind, String.join(", ", tie.tied()), tie.contestedSeats(), detail);
        PendingLot pending = new PendingLot(l.decision(), tie.tied(), tie.contestedSeats(), decimal(tie.value(), 6),
                tie.value().toString(), l.reason(), explanation);
        return new SeatReport(head.electionId(), head.electionName(), head.electionKind(), head.electionDate(), law,
                lawText, head.source(), Status.LOT_REQUIRED, List.of(), pending, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), lotRows(stored, Set.of()), notes);
    }

    private static List<LotRow> lotRows(List<SeatStore.StoredLot> stored, Set<String> used) {
        return stored.stream().map(l -> new LotRow(l.id(), l.decisionKey(), l.drawnOrder(), l.drawnBy(), l.drawnAt(),
                l.reason(), l.recordedBy(), l.recordedAt(), l.current() && used.contains(l.decisionKey()),
                l.correctsId(), l.correctionReason(), l.supersededAt(), l.supersededBy())).toList();
    }

    static StepTable step(String key, Text title, Apportionment a, Texts texts) {
        ApportionmentExplanation e = a.explanation();
        Divisor divisor = e.divisor().map(d -> new Divisor(decimal(d.lowExclusive(), 3), decimal(d.highInclusive(), 3),
                d.chosen().isInteger() ? new BigDecimal(d.chosen().floor()) : decimal(d.chosen(), 3),
                d.lowExclusive().toString(), d.highInclusive().toString(),
                d.chosen().toString())).orElse(null);
        List<DivisorStepRow> search = new ArrayList<>();
        for (int i = 0; i < e.divisorSearch().size(); i++) {
            var s = e.divisorSearch().get(i);
            search.add(new DivisorStepRow(i + 1, decimal(s.divisor(), 3), s.seats()));
        }
        List<StepRow> rows = e.rows().stream()
                .map(r -> new StepRow(r.id(), r.votes(), r.quotient().map(q -> decimal(q, 4)).orElse(null), r.seats(),
                        r.vacant(),
                        r.margin().flatMap(m -> m.votesToGain().isPresent() ? java.util.Optional.of(m.votesToGain().getAsLong())
                                : java.util.Optional.<Long>empty()).orElse(null),
                        r.margin().flatMap(m -> m.votesToLose().isPresent() ? java.util.Optional.of(m.votesToLose().getAsLong())
                                : java.util.Optional.<Long>empty()).orElse(null)))
                .toList();
        LotUsed lot = e.lot().map(l -> new LotUsed(l.tied(), l.contestedSeats(), l.winners())).orElse(null);
        return new StepTable(key, title, e.method().name(), texts.of("results.method." + e.method().name()),
                texts.of("results.rounding." + e.method().name()), e.seats(), e.totalVotes(), divisor, search,
                e.quota().map(q -> decimal(q, 3)).orElse(null), rows, lot);
    }

    static BigDecimal percent(Rational share) {
        return decimal(share.multiply(100), 3);
    }

    static BigDecimal decimal(Rational r, int scale) {
        return r.toDecimal(scale);
    }
}
