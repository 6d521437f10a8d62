package de.wahlwerk.server.results;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A seat calculation as the page, the JSON API and the command show it: the result, each step
 * of the explanation, and — when it cannot finish — the tie that needs a lot or the data that is
 * missing. Numbers are exact where it matters (seats, votes; divisors also as exact fractions);
 * quotients and shares are rounded for display only.
 *
 * @param law     which law was applied (message key {@code results.law.<law>}), null if none
 * @param status  DECIDED, LOT_REQUIRED (see {@code pendingLot}) or NEEDS_INPUT (see {@code missing})
 */
public record SeatReport(Long electionId, String electionName, String electionKind, LocalDate electionDate,
        String law, Text lawName, Source source, Status status, List<Text> missing, PendingLot pendingLot,
        Integer houseSize, List<PartyRow> parties, List<ThresholdRow> thresholds, List<ListRow> landLists,
        List<ConstituencyRow> constituencies, List<StepTable> steps, List<LotRow> lots, List<Text> notes) {

    public enum Status { DECIDED, LOT_REQUIRED, NEEDS_INPUT }

    /** A message from the bundle: key and arguments, and the German text. */
    public record Text(String key, List<Object> args, String text) {}

    public record Source(Long id, String label, String format, String fileName) {}

    /**
     * The tie the law leaves to a lot: enter the drawn order of {@code tied} under {@code decisionKey}.
     *
     * @param value the equal value (votes, highest average, remainder or Erststimmenanteil)
     */
    public record PendingLot(String decisionKey, List<String> tied, int contestedSeats, BigDecimal value,
            String valueExact, String rule, Text explanation) {}

    /** Seats of a party; for the Bundestag split into Wahlkreis seats (covered) and list seats. */
    public record PartyRow(String party, long votes, BigDecimal sharePercent, int seats, Integer constituencySeats,
            Integer listSeats, Integer vacant) {}

    public record ThresholdRow(String party, long votes, BigDecimal sharePercent, int constituencyWins,
            boolean minority, String reason, Text reasonText, boolean admitted) {}

    /**
     * A Landesliste: its seats from the Unterverteilung and how they are filled.
     *
     * @param named       whether the list's candidates are stored, so that {@code elected} names the persons
     * @param elected     the candidates elected from the list, in list order (BWG § 6 Abs. 4)
     * @param substitutes the candidates who follow if a seat falls vacant, in list order (BWG § 48)
     */
    public record ListRow(String land, String party, long votes, int seats, int winners, int covered, int listSeats,
            int vacant, boolean named, List<ListPerson> elected, List<ListPerson> substitutes) {}

    /** A list candidate and his or her place on the Landesliste. */
    public record ListPerson(String name, int position) {}

    /** A Wahlkreis winner and whether the winner gets a seat (second-vote coverage). */
    public record ConstituencyRow(String number, String name, String land, String winner, String party,
            long firstVotes, BigDecimal sharePercent, String status, Text statusText, Integer coverageRank,
            boolean byLot, boolean elected) {}

    /**
     * One apportionment step (Oberverteilung, one Unterverteilung, council lists), with its divisor
     * span and search or its quota.
     */
    public record StepTable(String key, Text title, String method, Text methodText, Text rounding, int seats,
            long totalVotes, Divisor divisor, List<DivisorStepRow> divisorSearch, BigDecimal quota,
            List<StepRow> rows, LotUsed lot) {}

    /** Every divisor in (low, high] gives the result; {@code chosen} is a round one from it. */
    public record Divisor(BigDecimal low, BigDecimal high, BigDecimal chosen, String lowExact, String highExact,
            String chosenExact) {}

    public record DivisorStepRow(int step, BigDecimal divisor, int seats) {}

    /** Votes ÷ divisor (or ideal share for Hare/Niemeyer), rounded to the seats. */
    public record StepRow(String id, long votes, BigDecimal quotient, int seats, int vacant, Long votesToGain,
            Long votesToLose) {}

    public record LotUsed(List<String> tied, int contestedSeats, List<String> winners) {}

    /**
     * A lot as entered, and whether this calculation needed it. A correction names the lot it corrects
     * and why; a corrected lot says when and by whom it was superseded (it is never applied again).
     */
    public record LotRow(long id, String decisionKey, List<String> drawnOrder, String drawnBy, Instant drawnAt,
            String reason, String recordedBy, Instant recordedAt, boolean used, Long corrects,
            String correctionReason, Instant supersededAt, String supersededBy) {

        public boolean current() {
            return supersededAt == null;
        }
    }
}
