package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Zweitstimmendeckung (BWG § 6 Abs. 1 in the 2023 version): a Landesliste's seats go to the
 * party's Wahlkreis winners in that Land in the order of falling Erststimmenanteil; winners beyond
 * the number of seats get none. Equal Erststimmenanteile at the cut-off: lot by the
 * Bundeswahlleiterin (§ 6 Abs. 3 S. 2). Lot key {@code "deckung:<land>:<party>"}, ids = Wahlkreis numbers.
 */
public final class SecondVoteCoverage {

    private SecondVoteCoverage() {}

    public static String lotKey(String land, String party) {
        return "deckung:" + land + ":" + party;
    }

    /** The winners in coverage order; the first {@code min(seats, size)} of them are covered. */
    public static SeatOutcome<List<ConstituencyWinner>> rank(String land, String party, int seats,
            List<ConstituencyWinner> winners, Lot lot) {
        List<ConstituencyWinner> ranked = new ArrayList<>(winners);
        // exact comparison of a/b by cross-multiplication inside Rational; ties keep input order for now
        ranked.sort(Comparator.comparing(ConstituencyWinner::share).reversed());
        if (seats <= 0 || seats >= ranked.size()) {
            return new SeatOutcome.Decided<>(ranked);
        }
        Rational cut = ranked.get(seats - 1).share();
        if (!ranked.get(seats).share().equals(cut)) {
            return new SeatOutcome.Decided<>(ranked);
        }
        List<ConstituencyWinner> tied = ranked.stream().filter(w -> w.share().equals(cut)).toList();
        int above = (int) ranked.stream().filter(w -> w.share().greaterThan(cut)).count();
        List<String> ids = tied.stream().map(w -> w.constituency().number()).toList();
        Optional<List<String>> drawn = lot.order(ids);
        if (drawn.isEmpty()) {
            return new SeatOutcome.LotRequired<>(lotKey(land, party), new Tie(ids, seats - above, cut),
                    "BWG § 6 Abs. 3 S. 2");
        }
        // the lot orders the tied winners among themselves
        List<ConstituencyWinner> result = new ArrayList<>(ranked.subList(0, above));
        for (String id : drawn.get()) {
            result.add(tied.stream().filter(w -> w.constituency().number().equals(id)).findFirst().orElseThrow());
        }
        result.addAll(ranked.subList(above + tied.size(), ranked.size()));
        return new SeatOutcome.Decided<>(result);
    }
}
