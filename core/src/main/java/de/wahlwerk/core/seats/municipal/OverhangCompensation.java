package de.wahlwerk.core.seats.municipal;

import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.Method;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Seats won outside the list distribution (Wahlbezirk/Wahlkreis winners, Wohnbezirk seats) are
 * kept; when a list holds more of them than its proportional share (Überhang-/Mehrsitze), the body
 * grows one seat at a time and the whole body is apportioned again until every list's share
 * covers what it won (Ausgleichsmandate/-sitze), or until the law's cap on additional seats is
 * reached — then the lists keep their uncovered seats (ungedeckte Mehrsitze).
 *
 * <p>Shared by NRW KWahlG § 33 Abs. 3, Schleswig-Holstein GKWG § 10 Abs. 4 and Baden-Württemberg
 * KomWG § 25 Abs. 2 (unechte Teilortswahl); the citations and their status are on the callers. NRW
 * jumps from the base size to the size of its formula first ({@link Enlargement#NRW_FORMULA}, ADR 0120).
 *
 * <p>Lot keys: {@code "sitze"} at the statutory size, {@code "sitze:<n>"} at an enlarged size n.
 * A tie at an enlarged size needs a lot only when its outcome decides whether the size covers all
 * lists (or when it is the final size).
 */
public final class OverhangCompensation {

    private OverhangCompensation() {}

    public static String lotKey(int baseSize, int size) {
        return size == baseSize ? CouncilElection.SEATS_LOT : CouncilElection.SEATS_LOT + ":" + size;
    }

    /**
     * One size tried.
     *
     * @param size          seats apportioned at this step
     * @param apportionment the apportionment at that size (with its explanation for the minutes)
     * @param uncovered     lists whose share is below the seats they won, at this size
     */
    public record Step(int size, Apportionment apportionment, List<String> uncovered) {
        public Step {
            uncovered = List.copyOf(uncovered);
        }
    }

    /**
     * @param baseSize          the size before compensation
     * @param proportionalSize  the size of the last apportionment (base + compensation seats)
     * @param seats             final seats per list: its share at {@code proportionalSize}, or what it
     *                          won where that is more (only when the cap stopped the growth)
     * @param initialOverhang   Überhang/Mehrsitze per list at the base size (only lists with any; if a lot was
     *                          pending there and not needed, the Überhang that remains however it falls)
     * @param uncoveredOverhang seats won beyond the share at the final size (cap reached), per list
     * @param steps             every size tried, base first
     * @param capReached        the law's cap ended the growth before every list was covered
     */
    public record Result(int baseSize, int proportionalSize, Map<String, Integer> seats,
            Map<String, Integer> initialOverhang, Map<String, Integer> uncoveredOverhang, List<Step> steps,
            boolean capReached) {
        public Result {
            seats = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seats));
            initialOverhang = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(initialOverhang));
            uncoveredOverhang = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(uncoveredOverhang));
            steps = List.copyOf(steps);
        }

        /** Size of the body: base + compensation seats + uncovered overhang. */
        public int houseSize() {
            return seats.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int compensationSeats() {
            return proportionalSize - baseSize;
        }

        public int totalInitialOverhang() {
            return initialOverhang.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * @param maxExtraPerOverhang cap: at most this many additional seats per Überhang seat at the base
     *                            size (empty = no cap)
     */
    public static SeatOutcome<Result> grow(Method method, int baseSize, List<Contender> contenders,
            Map<String, Integer> won, OptionalInt maxExtraPerOverhang, Lots lots) {
        return grow(method, baseSize, contenders, won, maxExtraPerOverhang, Enlargement.SMALLEST_COVERING, lots);
    }

    /**
     * @param enlargement the size tried after the base size: the next one ({@link Enlargement#SMALLEST_COVERING})
     *                    or NRW's formula ({@link Enlargement#NRW_FORMULA}), then one seat at a time
     */
    public static SeatOutcome<Result> grow(Method method, int baseSize, List<Contender> contenders,
            Map<String, Integer> won, OptionalInt maxExtraPerOverhang, Enlargement enlargement, Lots lots) {
        List<Step> steps = new ArrayList<>();
        Map<String, Integer> initialOverhang = new LinkedHashMap<>();
        int size = baseSize;
        int maxSize = Integer.MAX_VALUE;
        // A size that surely covers every list (ends the loop on any input): with n seats, Sainte-Laguë's divisor D
        // satisfies n ≤ V/D + k/2, so n ≥ (w + 1)·V/v + k gives v/D ≥ w + 1 and at least w seats.
        long totalVotes = contenders.stream().mapToLong(Contender::votes).sum();
        long bound = baseSize;
        for (Contender c : contenders) {
            int w = won.getOrDefault(c.id(), 0);
            if (w > 0 && c.votes() == 0) {
                throw new IllegalArgumentException("list " + c.id() + " won " + w + " seat(s) but has no votes");
            }
            if (w > 0) {
                long need = Math.ceilDiv(Math.multiplyExact(w + 1L, totalVotes), c.votes()) + contenders.size();
                bound = Math.max(bound, need);
            }
        }
        long guard = bound;
        while (true) {
            String key = lotKey(baseSize, size);
            Apportionment a = Apportioner.apportion(method, size, contenders, lots.get(key));
            if (size == baseSize) {
                // with a lot pending at the base size (only possible without a cap, see below) a tied list is
                // counted as if it won the contested seat: the Überhang that remains whichever way the lot falls
                List<String> tied = a instanceof Apportionment.LotRequired l ? l.tie().tied() : List.of();
                for (Contender c : contenders) {
                    int over = won.getOrDefault(c.id(), 0) - a.seatsOf(c.id()) - (tied.contains(c.id()) ? 1 : 0);
                    if (over > 0) {
                        initialOverhang.put(c.id(), over);
                    }
                }
                int mehrsitze = initialOverhang.values().stream().mapToInt(Integer::intValue).sum();
                if (maxExtraPerOverhang.isPresent()) {
                    maxSize = baseSize + maxExtraPerOverhang.getAsInt() * mehrsitze;
                }
            }
            Coverage cov = coverage(a, contenders, won);
            if (cov == Coverage.DEPENDS_ON_LOT || (a instanceof Apportionment.LotRequired && (cov == Coverage.ALL
                    || size == maxSize || (size == baseSize && maxExtraPerOverhang.isPresent())))) {
                Apportionment.LotRequired l = (Apportionment.LotRequired) a;
                return new SeatOutcome.LotRequired<>(key, l.tie(), "equal highest averages at size " + size);
            }
            List<String> uncovered = contenders.stream().map(Contender::id)
                    .filter(id -> won.getOrDefault(id, 0) > a.seatsOf(id) + (a instanceof Apportionment.LotRequired l
                            && l.tie().tied().contains(id) ? 1 : 0))
                    .toList();
            steps.add(new Step(size, a, uncovered));
            if (cov == Coverage.ALL || size >= maxSize) {
                Map<String, Integer> seats = new LinkedHashMap<>();
                Map<String, Integer> left = new LinkedHashMap<>();
                for (Contender c : contenders) {
                    int share = a.seatsOf(c.id());
                    int w = won.getOrDefault(c.id(), 0);
                    seats.put(c.id(), Math.max(share, w));
                    if (w > share) {
                        left.put(c.id(), w - share);
                    }
                }
                return new SeatOutcome.Decided<>(new Result(baseSize, size, seats, initialOverhang, left, steps,
                        cov != Coverage.ALL));
            }
            if (size > guard) {
                throw new IllegalStateException("size " + size + " exceeds the covering bound " + guard);
            }
            if (size == baseSize && enlargement == Enlargement.NRW_FORMULA) {
                size = Math.max(baseSize + 1, formulaSize(contenders, won, initialOverhang.keySet(), totalVotes));
            } else {
                size++;
            }
        }
    }

    /**
     * KWahlG NRW § 33 Abs. 3 S. 2–3: district seats × votes of all lists ÷ the list's votes, rounded (half up), the
     * largest over the lists in Überhang (see {@link Enlargement#NRW_FORMULA}).
     */
    static int formulaSize(List<Contender> contenders, Map<String, Integer> won, java.util.Set<String> overhang,
            long totalVotes) {
        long size = 0;
        for (Contender c : contenders) {
            if (overhang.contains(c.id())) {
                long w = won.get(c.id());
                // floor(w·V/v + ½) = floor((2·w·V + v) / (2·v)), exact in integers
                long n = Math.floorDiv(Math.addExact(Math.multiplyExact(2 * w, totalVotes), c.votes()), 2 * c.votes());
                size = Math.max(size, n);
            }
        }
        return Math.toIntExact(size);
    }

    private enum Coverage { ALL, NOT_ALL, DEPENDS_ON_LOT }

    /** Whether every list's share covers its won seats, for every way a pending lot could fall. */
    private static Coverage coverage(Apportionment a, List<Contender> contenders, Map<String, Integer> won) {
        if (a instanceof Apportionment.Decided) {
            boolean all = contenders.stream().allMatch(c -> a.seatsOf(c.id()) >= won.getOrDefault(c.id(), 0));
            return all ? Coverage.ALL : Coverage.NOT_ALL;
        }
        Tie tie = ((Apportionment.LotRequired) a).tie();
        boolean allWithout = true;
        int needingTheExtra = 0;
        for (Contender c : contenders) {
            int deficit = won.getOrDefault(c.id(), 0) - a.seatsOf(c.id());
            boolean tied = tie.tied().contains(c.id());
            if (deficit > (tied ? 1 : 0)) {
                return Coverage.NOT_ALL;
            }
            if (deficit == 1) {
                allWithout = false;
                needingTheExtra++;
            }
        }
        if (allWithout) {
            return Coverage.ALL;
        }
        return needingTheExtra > tie.contestedSeats() ? Coverage.NOT_ALL : Coverage.DEPENDS_ON_LOT;
    }
}
