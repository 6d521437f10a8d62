package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.ApportionmentExplanation.Award;
import de.wahlwerk.core.seats.ApportionmentExplanation.LotApplied;
import de.wahlwerk.core.seats.ApportionmentExplanation.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hare/Niemeyer (largest remainder of the Hare quota): each list gets the whole part of
 * {@code seats · votes / total}; the seats left go in order of the largest fractional parts.
 * Equal remainders competing for fewer seats than lists are decided by lot (Hessen KWG § 22
 * Abs. 3; the same rule in the other Länder using it, see ELECTORAL_LAW.md § 1.3).
 *
 * <p>With capacities: a list cannot take more seats than it has candidates; its excess is
 * distributed among the other lists by repeating the method on their votes with the seats left
 * (ELECTORAL_LAW.md § 1.5 — which Länder do this rather than leaving seats vacant is [UNV]).
 */
final class LargestRemainder {

    private LargestRemainder() {}

    static Apportionment allocate(int seats, List<Contender> contenders, Lot lot) {
        for (Contender c : contenders) {
            if (c.minimumSeats() != 0) {
                throw new IllegalArgumentException("Hare/Niemeyer takes no minimum seats");
            }
        }
        long total = contenders.stream().mapToLong(Contender::votes).sum();
        int n = contenders.size();
        int[] held = new int[n];
        boolean[] fixed = new boolean[n];
        List<Award> awards = new ArrayList<>();
        Tie tie = null;
        Optional<LotApplied> lotApplied = Optional.empty();
        int toAllocate = seats;
        // repeat only while some list exceeds its capacity (fixed at capacity, others recomputed)
        while (true) {
            long pool = 0;
            for (int i = 0; i < n; i++) {
                if (!fixed[i]) {
                    pool += contenders.get(i).votes();
                }
            }
            awards.clear();
            tie = null;
            lotApplied = Optional.empty();
            if (pool == 0 || toAllocate == 0) {
                for (int i = 0; i < n; i++) {
                    if (!fixed[i]) {
                        held[i] = 0;
                    }
                }
                break;
            }
            List<Integer> open = new ArrayList<>();
            int left = toAllocate;
            Rational[] remainder = new Rational[n];
            for (int i = 0; i < n; i++) {
                if (fixed[i]) {
                    continue;
                }
                Rational share = Rational.of(contenders.get(i).votes()).multiply(toAllocate).divide(pool);
                held[i] = share.floor().intValueExact();
                remainder[i] = share.fractionalPart();
                left -= held[i];
                if (contenders.get(i).votes() > 0) {
                    open.add(i);
                }
            }
            open.sort(Comparator.comparing((Integer i) -> remainder[i]).reversed());
            int seatNo = seats - left;
            int k = 0;
            while (left > 0 && k < open.size()) {
                Rational value = remainder[open.get(k)];
                int end = k;
                while (end < open.size() && remainder[open.get(end)].equals(value)) {
                    end++;
                }
                List<Integer> group = open.subList(k, end);
                List<Integer> winners = List.copyOf(group);
                if (group.size() > left) {
                    List<String> ids = group.stream().sorted().map(i -> contenders.get(i).id()).toList();
                    Optional<List<String>> drawn = lot.order(ids);
                    if (drawn.isEmpty()) {
                        tie = new Tie(ids, left, value);
                        break;
                    }
                    List<String> drawnWinners = drawn.get().subList(0, left);
                    lotApplied = Optional.of(new LotApplied(ids, left, drawnWinners));
                    winners = group.stream().filter(i -> drawnWinners.contains(contenders.get(i).id())).toList();
                }
                for (int i : winners.stream().sorted().toList()) {
                    held[i]++;
                    left--;
                    awards.add(new Award(++seatNo, contenders.get(i).id(), value));
                }
                k = end;
            }
            boolean over = false;
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && held[i] > contenders.get(i).capacity()) {
                    held[i] = contenders.get(i).capacity();
                    fixed[i] = true;
                    toAllocate -= held[i];
                    over = true;
                }
            }
            if (!over) {
                break;
            }
        }
        Map<String, Integer> result = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Contender c = contenders.get(i);
            result.put(c.id(), held[i]);
            Optional<Rational> share = total == 0 ? Optional.empty()
                    : Optional.of(Rational.of(c.votes()).multiply(seats).divide(total));
            rows.add(new Row(c.id(), c.votes(), share, held[i], 0));
        }
        Optional<Rational> quota = seats == 0 ? Optional.empty() : Optional.of(Rational.of(total, seats));
        var explanation = new ApportionmentExplanation(Method.HAMILTON, seats, total, rows, awards, Optional.empty(),
                List.of(), quota, lotApplied);
        return tie == null
                ? new Apportionment.Decided(result, explanation)
                : new Apportionment.LotRequired(result, tie, explanation);
    }
}
