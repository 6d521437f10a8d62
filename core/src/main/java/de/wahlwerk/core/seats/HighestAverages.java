package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.ApportionmentExplanation.Award;
import de.wahlwerk.core.seats.ApportionmentExplanation.LotApplied;
import de.wahlwerk.core.seats.ApportionmentExplanation.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Divisor methods in the highest-averages formulation ("Höchstzahlverfahren"): seat by seat, the
 * contender with the largest {@code votes / d(seats held)} gets the next one.
 *
 * <p>Supports minimum seats (a contender starts with them; BWG 2020 § 6 Abs. 6 S. 2) and a
 * capacity (an exhausted list takes no more seats and the method goes on among the others, e.g.
 * Saarland's "Fortführung des Höchstzahlverfahrens"). Contenders with no votes never get a seat.
 *
 * <p>Equal highest averages competing for fewer seats than contenders are a tie for the lot
 * (BWG § 5 Abs. 3; Sachsen KomWG § 21 Abs. 1 S. 4; Saarland KWG § 41 Abs. 1 S. 2).
 */
final class HighestAverages {

    private HighestAverages() {}

    static Apportionment allocate(Method method, int seats, List<Contender> contenders, Lot lot) {
        if (!method.isDivisorMethod()) {
            throw new IllegalArgumentException(method + " is not a divisor method");
        }
        int n = contenders.size();
        int[] held = new int[n];
        int remaining = seats;
        for (int i = 0; i < n; i++) {
            held[i] = contenders.get(i).minimumSeats();
            remaining -= held[i];
        }
        if (remaining < 0) {
            throw new IllegalArgumentException("minimum seats exceed the " + seats + " seats to allocate");
        }
        List<Award> awards = new ArrayList<>();
        Optional<LotApplied> lotApplied = Optional.empty();
        Tie tie = null;
        while (remaining > 0) {
            Rational best = null;
            List<Integer> atBest = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Contender c = contenders.get(i);
                if (c.votes() == 0 || held[i] >= c.capacity()) {
                    continue;
                }
                Rational q = quotient(method, c, held[i]);
                int cmp = best == null ? 1 : q.compareTo(best);
                if (cmp > 0) {
                    best = q;
                    atBest.clear();
                }
                if (cmp >= 0) {
                    atBest.add(i);
                }
            }
            if (best == null) {
                break; // every list with votes is exhausted: the rest stays unallocated
            }
            List<Integer> winners = atBest;
            if (atBest.size() > remaining) {
                List<String> tiedIds = atBest.stream().map(i -> contenders.get(i).id()).toList();
                Optional<List<String>> drawn = lot.order(tiedIds);
                if (drawn.isEmpty()) {
                    tie = new Tie(tiedIds, remaining, best);
                    break;
                }
                List<String> drawnWinners = drawn.get().subList(0, remaining);
                lotApplied = Optional.of(new LotApplied(tiedIds, remaining, drawnWinners));
                winners = atBest.stream().filter(i -> drawnWinners.contains(contenders.get(i).id())).toList();
            }
            for (int i : winners) {
                held[i]++;
                remaining--;
                awards.add(new Award(seats - remaining, contenders.get(i).id(), best));
            }
        }
        Optional<ApportionmentExplanation.DivisorSpan> span = Divisors.span(method, contenders, held, tie != null);
        Map<String, Integer> result = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Contender c = contenders.get(i);
            result.put(c.id(), held[i]);
            Optional<Rational> q = span.map(s -> Rational.of(c.votes()).divide(s.chosen()));
            rows.add(new Row(c.id(), c.votes(), q, held[i], 0));
        }
        long total = contenders.stream().mapToLong(Contender::votes).sum();
        var explanation = new ApportionmentExplanation(method, seats, total, rows, awards, span, List.of(),
                Optional.empty(), lotApplied);
        return tie == null
                ? new Apportionment.Decided(result, explanation)
                : new Apportionment.LotRequired(result, tie, explanation);
    }

    static Rational quotient(Method method, Contender c, int held) {
        return Rational.of(c.votes()).divide(method.signpost(held));
    }
}
