package de.wahlwerk.core.seats;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.ApportionmentExplanation.Margin;
import de.wahlwerk.core.seats.ApportionmentExplanation.Row;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Votes a contender needs for one more seat and votes it can lose before its last seat goes,
 * every other contender's votes unchanged. Attached to the rows of a decided apportionment.
 *
 * <p>Divisor methods: contender {@code i} with {@code s} seats takes a further seat from the weakest
 * seat held by another, {@code m = min_{j≠i} v_j / d(s_j − 1)} (seats above the minimum only): it
 * needs {@code v / d(s) > m}, i.e. more than {@code d(s)·m} votes. It loses its last seat to the
 * strongest claim of another, {@code M = max_{j≠i} v_j / d(s_j)} (below capacity only), when
 * {@code v / d(s − 1) < M}, i.e. with fewer than {@code d(s − 1)·M} votes. These are exactly the
 * bounds of the divisor span seen from the other contenders. Equality is a tie for the lot, so
 * the integer answers are one vote beyond the exact thresholds.
 *
 * <p>Hare/Niemeyer: the quota {@code total / seats} moves with the contender's votes, so the
 * distribution is recomputed exactly (ideal shares as fractions) for changed votes and the fewest
 * votes found by bisection over the integers; seats of one contender never fall when only its own
 * votes rise (shares of all others shrink by the same factor). Contenders with minimum seats or
 * capacities get no margin under Hare/Niemeyer.
 */
final class Margins {

    private Margins() {}

    static Apportionment attach(Method method, int seats, List<Contender> contenders, Apportionment a) {
        if (!(a instanceof Apportionment.Decided d) || contenders.isEmpty()) {
            return a;
        }
        int n = contenders.size();
        int[] held = new int[n];
        for (int i = 0; i < n; i++) {
            held[i] = d.seatsOf(contenders.get(i).id());
        }
        ApportionmentExplanation e = d.explanation();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<Margin> m = method.isDivisorMethod()
                    ? Optional.of(divisor(method, contenders, held, i))
                    : hamilton(seats, contenders, held, i);
            rows.add(e.rows().get(i).withMargin(m));
        }
        var explanation = new ApportionmentExplanation(e.method(), e.seats(), e.totalVotes(), rows, e.awards(),
                e.divisor(), e.divisorSearch(), e.quota(), e.lot());
        return new Apportionment.Decided(d.seats(), explanation);
    }

    private static Margin divisor(Method method, List<Contender> contenders, int[] held, int i) {
        Contender me = contenders.get(i);
        Rational weakestOtherSeat = null;
        Rational strongestOtherClaim = null;
        for (int j = 0; j < contenders.size(); j++) {
            if (j == i) {
                continue;
            }
            Contender c = contenders.get(j);
            Rational v = Rational.of(c.votes());
            if (held[j] > c.minimumSeats()) {
                Rational last = v.divide(method.signpost(held[j] - 1));
                weakestOtherSeat = weakestOtherSeat == null ? last : weakestOtherSeat.min(last);
            }
            if (held[j] < c.capacity() && c.votes() > 0) {
                Rational next = v.divide(method.signpost(held[j]));
                strongestOtherClaim = strongestOtherClaim == null ? next : strongestOtherClaim.max(next);
            }
        }
        Optional<Rational> gainAt = Optional.empty();
        OptionalLong gain = OptionalLong.empty();
        if (weakestOtherSeat != null && held[i] < me.capacity()) {
            Rational t = method.signpost(held[i]).multiply(weakestOtherSeat);
            gainAt = Optional.of(t);
            gain = OptionalLong.of(Math.max(1, t.floor().add(BigInteger.ONE).longValueExact() - me.votes()));
        }
        Optional<Rational> loseAt = Optional.empty();
        OptionalLong lose = OptionalLong.empty();
        if (held[i] > me.minimumSeats() && held[i] > 0) {
            Rational t = strongestOtherClaim == null ? Rational.ZERO
                    : method.signpost(held[i] - 1).multiply(strongestOtherClaim);
            loseAt = Optional.of(t);
            long y = me.votes() - t.ceil().longValueExact() + 1;
            // with no competing claim (or a threshold of 0) the seat is lost only with the last vote
            lose = OptionalLong.of(Math.min(me.votes(), Math.max(1, y)));
        }
        return new Margin(gain, lose, gainAt, loseAt);
    }

    private static Optional<Margin> hamilton(int seats, List<Contender> contenders, int[] held, int i) {
        if (contenders.stream().anyMatch(c -> c.minimumSeats() > 0 || c.capacity() != Contender.UNLIMITED)) {
            return Optional.empty();
        }
        long[] votes = contenders.stream().mapToLong(Contender::votes).toArray();
        long total = Arrays.stream(votes).sum();
        OptionalLong gain = OptionalLong.empty();
        int s = held[i];
        if (s + 1 < seats) {
            // at a share of s+1 or more the lower quota alone gives the seat: an upper bound
            long others = total - votes[i];
            Rational need = Rational.of(s + 1L).multiply(others).subtract(Rational.of(seats - s - 1L).multiply(votes[i]))
                    .divide(seats - s - 1L);
            long hi = Math.max(1, need.ceil().longValueExact() + 1);
            if (surelyAtLeast(seats, votes, i, hi, s + 1)) {
                long lo = 0; // lo fails, hi succeeds
                while (hi - lo > 1) {
                    long mid = lo + (hi - lo) / 2;
                    if (surelyAtLeast(seats, votes, i, mid, s + 1)) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                gain = OptionalLong.of(hi);
            }
        }
        OptionalLong lose = OptionalLong.empty();
        if (s > 0 && surelyAtMost(seats, votes, i, -votes[i], s - 1)) {
            long lo = 0;
            long hi = votes[i];
            while (hi - lo > 1) {
                long mid = lo + (hi - lo) / 2;
                if (surelyAtMost(seats, votes, i, -mid, s - 1)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            lose = OptionalLong.of(hi);
        }
        return Optional.of(new Margin(gain, lose, Optional.empty(), Optional.empty()));
    }

    private static boolean surelyAtLeast(int seats, long[] votes, int i, long delta, int wanted) {
        return hamiltonRange(seats, votes, i, delta)[0] >= wanted;
    }

    private static boolean surelyAtMost(int seats, long[] votes, int i, long delta, int wanted) {
        return hamiltonRange(seats, votes, i, delta)[1] <= wanted;
    }

    /** Fewest and most seats of {@code i} under Hare/Niemeyer when its votes change by {@code delta} (ties → lot). */
    private static int[] hamiltonRange(int seats, long[] votes, int i, long delta) {
        int n = votes.length;
        long[] v = votes.clone();
        v[i] += delta;
        long total = Arrays.stream(v).sum();
        if (total == 0) {
            return new int[] {0, seats};
        }
        int[] floor = new int[n];
        Rational[] rest = new Rational[n];
        int left = seats;
        for (int k = 0; k < n; k++) {
            Rational share = Rational.of(v[k]).multiply(seats).divide(total);
            floor[k] = share.floor().intValueExact();
            rest[k] = share.fractionalPart();
            left -= floor[k];
        }
        if (left == 0) {
            return new int[] {floor[i], floor[i]};
        }
        Rational[] sorted = rest.clone();
        Arrays.sort(sorted, java.util.Comparator.reverseOrder());
        Rational cut = sorted[left - 1];
        int above = 0;
        int at = 0;
        for (Rational r : rest) {
            if (r.compareTo(cut) > 0) {
                above++;
            } else if (r.compareTo(cut) == 0) {
                at++;
            }
        }
        int c = rest[i].compareTo(cut);
        if (c > 0 || (c == 0 && above + at <= left)) {
            return new int[] {floor[i] + 1, floor[i] + 1};
        }
        if (c == 0) {
            return new int[] {floor[i], floor[i] + 1};
        }
        return new int[] {floor[i], floor[i]};
    }
}
