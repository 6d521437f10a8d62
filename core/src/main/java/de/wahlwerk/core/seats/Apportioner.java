package de.wahlwerk.core.seats;

import de.wahlwerk.core.seats.ApportionmentExplanation.Row;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Entry point for apportioning seats among contenders with one of the {@link Method}s.
 *
 * <p>Ties that the law leaves to a lot come back as {@link Apportionment.LotRequired} unless the
 * drawn {@link Lot} is given; the software never breaks a tie by input order or randomness.
 */
public final class Apportioner {

    private Apportioner() {}

    public static Apportionment apportion(Method method, int seats, List<Contender> contenders) {
        return apportion(method, seats, contenders, Lot.none(), Exhaustion.REDISTRIBUTE);
    }

    public static Apportionment apportion(Method method, int seats, List<Contender> contenders, Lot lot) {
        return apportion(method, seats, contenders, lot, Exhaustion.REDISTRIBUTE);
    }

    /**
     * @param exhaustion what happens when a list has fewer candidates ({@link Contender#capacity()})
     *                   than seats: with {@link Exhaustion#VACANT} the seats are computed as if
     *                   unlimited and the excess is reported as vacant in the explanation rows
     */
    public static Apportionment apportion(Method method, int seats, List<Contender> contenders, Lot lot,
            Exhaustion exhaustion) {
        validate(seats, contenders);
        if (exhaustion == Exhaustion.VACANT) {
            List<Contender> unlimited = contenders.stream().map(c -> c.withCapacity(Contender.UNLIMITED)).toList();
            return markVacancies(apportion(method, seats, unlimited, lot, Exhaustion.REDISTRIBUTE), contenders);
        }
        return Margins.attach(method, seats, contenders, method.isDivisorMethod()
                ? HighestAverages.allocate(method, seats, contenders, lot)
                : LargestRemainder.allocate(seats, contenders, lot));
    }

    /**
     * The iterative divisor procedure of BWG § 5 Abs. 2 (Anfangsdivisor = votes / seats, then
     * raised or lowered). Same seats as {@link #apportion}; its explanation lists the divisors
     * tried. Divisor methods only, without minimum seats or capacities.
     */
    public static Apportionment iterative(Method method, int seats, List<Contender> contenders, Lot lot) {
        validate(seats, contenders);
        return Margins.attach(method, seats, contenders, DivisorSearch.allocate(method, seats, contenders, lot));
    }

    private static void validate(int seats, List<Contender> contenders) {
        if (seats < 0) {
            throw new IllegalArgumentException("negative number of seats: " + seats);
        }
        var ids = new HashSet<String>();
        for (Contender c : contenders) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("duplicate contender id " + c.id());
            }
        }
    }

    private static Apportionment markVacancies(Apportionment a, List<Contender> limited) {
        ApportionmentExplanation e = a.explanation();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < e.rows().size(); i++) {
            Row r = e.rows().get(i);
            int vacant = Math.max(0, r.seats() - limited.get(i).capacity());
            rows.add(new Row(r.id(), r.votes(), r.quotient(), r.seats(), vacant, r.margin()));
        }
        var explanation = new ApportionmentExplanation(e.method(), e.seats(), e.totalVotes(), rows, e.awards(),
                e.divisor(), e.divisorSearch(), e.quota(), e.lot());
        return switch (a) {
            case Apportionment.Decided d -> new Apportionment.Decided(d.seats(), explanation);
            case Apportionment.LotRequired l -> new Apportionment.LotRequired(l.seats(), l.tie(), explanation);
        };
    }
}
