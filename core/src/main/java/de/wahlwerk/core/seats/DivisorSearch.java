package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.ApportionmentExplanation.DivisorStep;
import de.wahlwerk.core.seats.ApportionmentExplanation.LotApplied;
import de.wahlwerk.core.seats.ApportionmentExplanation.Row;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statutory iterative procedure of BWG § 5 Abs. 2: start with the divisor
 * {@code total votes / seats}; if more seats result, raise it, if fewer, lower it, until exactly
 * the required number results. Legally equivalent to the highest-averages formulation (S5), and
 * kept separately so that the explanation can show the official steps and so that tests can
 * check the two formulations against each other.
 *
 * <p>Exact: the divisor moves from one critical value (where some quotient sits exactly on a
 * rounding threshold) to the next. At a critical value the seat count is ambiguous; when both
 * readings miss the target, the parties on the threshold are tied (BWG § 5 Abs. 3 S. 2: lot).
 * No minimum seats or capacities here; use the highest-averages formulation for those.
 */
final class DivisorSearch {

    private DivisorSearch() {}

    static Apportionment allocate(Method method, int seats, List<Contender> contenders, Lot lot) {
        if (!method.isDivisorMethod()) {
            throw new IllegalArgumentException(method + " is not a divisor method");
        }
        for (Contender c : contenders) {
            if (c.minimumSeats() != 0 || c.capacity() != Contender.UNLIMITED) {
                throw new IllegalArgumentException("the iterative search takes no minimum seats or capacities");
            }
        }
        long total = contenders.stream().mapToLong(Contender::votes).sum();
        int n = contenders.size();
        int[] s = new int[n];
        List<DivisorStep> steps = new ArrayList<>();
        List<Integer> tied = List.of();
        int contested = 0;
        Rational tieValue = null;
        if (seats > 0 && total > 0) {
            Rational d = Rational.of(total, seats);
            int strict = count(method, contenders, d, false, s);
            steps.add(new DivisorStep(d, strict));
            if (strict > seats) {
                // raise the divisor: contenders drop a seat where their quotient hits d(s−1)
                int current = strict;
                while (current > seats) {
                    Rational next = null;
                    List<Integer> at = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (s[i] == 0) {
                            continue;
                        }
                        Rational crit = Rational.of(contenders.get(i).votes()).divide(method.signpost(s[i] - 1));
                        int cmp = next == null ? -1 : crit.compareTo(next);
                        if (cmp < 0) {
                            next = crit;
                            at.clear();
                        }
                        if (cmp <= 0) {
                            at.add(i);
                        }
                    }
                    if (current - at.size() < seats) {
                        tied = at;
                        contested = seats - (current - at.size());
                        tieValue = next;
                        for (int i : at) {
                            s[i]--;
                        }
                        break;
                    }
                    for (int i : at) {
                        s[i]--;
                    }
                    current -= at.size();
                    steps.add(new DivisorStep(next, current));
                }
            } else if (strict < seats) {
                int loose = count(method, contenders, d, true, s);
                int current = loose;
                if (loose > seats) {
                    // quotients exactly on a threshold at the starting divisor decide
                    int[] strictSeats = new int[n];
                    count(method, contenders, d, false, strictSeats);
                    List<Integer> at = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        if (strictSeats[i] != s[i]) {
                            at.add(i);
                        }
                    }
                    s = strictSeats;
                    tied = at;
                    contested = seats - strict;
                    tieValue = d;
                } else {
                    if (loose != strict) {
                        steps.add(new DivisorStep(d, loose));
                    }
                    // lower the divisor: contenders gain a seat where their quotient reaches d(s)
                    while (current < seats) {
                        Rational next = null;
                        List<Integer> at = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            if (contenders.get(i).votes() == 0) {
                                continue;
                            }
                            Rational crit = Rational.of(contenders.get(i).votes()).divide(method.signpost(s[i]));
                            int cmp = next == null ? 1 : crit.compareTo(next);
                            if (cmp > 0) {
                                next = crit;
                                at.clear();
                            }
                            if (cmp >= 0) {
                                at.add(i);
                            }
                        }
                        if (current + at.size() > seats) {
                            tied = at;
                            contested = seats - current;
                            tieValue = next;
                            break;
                        }
                        for (int i : at) {
                            s[i]++;
                        }
                        current += at.size();
                        steps.add(new DivisorStep(next, current));
                    }
                }
            }
        } else if (seats > 0) {
            tied = java.util.stream.IntStream.range(0, n).boxed().toList();
            contested = seats;
            tieValue = Rational.ZERO;
        }
        Optional<LotApplied> lotApplied = Optional.empty();
        Tie tie = null;
        if (!tied.isEmpty()) {
            List<String> ids = tied.stream().map(i -> contenders.get(i).id()).toList();
            Optional<List<String>> drawn = lot.order(ids);
            if (drawn.isPresent() && contested <= ids.size()) {
                List<String> winners = drawn.get().subList(0, contested);
                lotApplied = Optional.of(new LotApplied(ids, contested, winners));
                for (int i : tied) {
                    if (winners.contains(contenders.get(i).id())) {
                        s[i]++;
                    }
                }
            } else {
                tie = new Tie(ids, contested, tieValue);
            }
        }
        var span = Divisors.span(method, contenders, s, tie != null || lotApplied.isPresent());
        Map<String, Integer> result = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Contender c = contenders.get(i);
            result.put(c.id(), s[i]);
            rows.add(new Row(c.id(), c.votes(), span.map(x -> Rational.of(c.votes()).divide(x.chosen())), s[i], 0));
        }
        var explanation = new ApportionmentExplanation(method, seats, total, rows, List.of(), span, steps,
                Optional.empty(), lotApplied);
        return tie == null
                ? new Apportionment.Decided(result, explanation)
                : new Apportionment.LotRequired(result, tie, explanation);
    }

    /**
     * Seats at divisor {@code d}: the number of signposts below the quotient ({@code inclusive}:
     * at or below, i.e. a quotient exactly on a threshold counts up).
     */
    private static int count(Method method, List<Contender> contenders, Rational d, boolean inclusive, int[] out) {
        Rational offset = method.signpost(0);
        int sum = 0;
        for (int i = 0; i < contenders.size(); i++) {
            Rational x = Rational.of(contenders.get(i).votes()).divide(d).subtract(offset);
            BigInteger k = inclusive
                    ? (x.signum() >= 0 ? x.floor().add(BigInteger.ONE) : BigInteger.ZERO)
                    : (x.signum() > 0 ? x.ceil() : BigInteger.ZERO);
            if (contenders.get(i).votes() == 0) {
                k = BigInteger.ZERO;
            }
            out[i] = k.intValueExact();
            sum += out[i];
        }
        return sum;
    }
}
