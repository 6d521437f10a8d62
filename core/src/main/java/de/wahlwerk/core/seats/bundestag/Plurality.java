package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.seats.Lot;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.SeatOutcome;
import de.wahlwerk.core.seats.Tie;
import de.wahlwerk.core.arith.Rational;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who has the most first votes in each Wahlkreis; equal highest numbers are decided by the lot
 * the Kreiswahlleiter draws (BWG § 6 Abs. 3 S. 1 in the 2023 version; § 5 S. 2 in the 2020 version).
 * Lot key: {@code "wahlkreis:<number>"}, ids = candidate names.
 */
public final class Plurality {

    private Plurality() {}

    public static String lotKey(Constituency c) {
        return "wahlkreis:" + c.number();
    }

    public static SeatOutcome<List<ConstituencyWinner>> winners(List<Constituency> constituencies, Lots lots) {
        List<ConstituencyWinner> winners = new ArrayList<>();
        for (Constituency c : constituencies) {
            long max = c.candidates().stream().mapToLong(ConstituencyCandidate::firstVotes).max().orElse(0);
            if (max == 0) {
                continue; // nobody received a vote: no winner (not expected in practice)
            }
            List<ConstituencyCandidate> top = c.candidates().stream().filter(x -> x.firstVotes() == max).toList();
            if (top.size() == 1) {
                winners.add(new ConstituencyWinner(c, top.getFirst(), false));
                continue;
            }
            List<String> names = top.stream().map(ConstituencyCandidate::name).toList();
            Lot lot = lots.get(lotKey(c));
            Optional<List<String>> drawn = lot.order(names);
            if (drawn.isEmpty()) {
                return new SeatOutcome.LotRequired<>(lotKey(c), new Tie(names, 1, Rational.of(max)), "BWG § 6 Abs. 3 S. 1");
            }
            String first = drawn.get().getFirst();
            winners.add(new ConstituencyWinner(c, top.stream().filter(x -> x.name().equals(first)).findFirst().orElseThrow(), true));
        }
        return new SeatOutcome.Decided<>(winners);
    }
}
