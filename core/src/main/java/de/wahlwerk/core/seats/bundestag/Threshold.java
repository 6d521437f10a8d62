package de.wahlwerk.core.seats.bundestag;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.bundestag.ThresholdDecision.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 5 % threshold with its two exemptions, identical in the 2020 (§ 6 Abs. 3 a.F.) and the 2023
 * law as applied by BVerfG, Urteil v. 30.7.2024 – 2 BvF 1/23 (§ 4 Abs. 2 S. 2 Nr. 2, S. 3 BWG):
 * a party takes part with at least 5 % of all valid second votes, or with at least three
 * Wahlkreise in which its candidate had the most first votes, or as a national-minority party.
 */
public final class Threshold {

    public static final Rational FIVE_PERCENT = Rational.of(1, 20);
    public static final int CONSTITUENCY_WINS = 3;

    private Threshold() {}

    public static List<ThresholdDecision> decide(BundestagVotes votes, List<ConstituencyWinner> winners) {
        Map<String, Long> secondVotes = new LinkedHashMap<>();
        for (LandList l : votes.lists()) {
            secondVotes.merge(l.party(), l.secondVotes(), Long::sum);
        }
        Map<String, Integer> wins = new LinkedHashMap<>();
        for (ConstituencyWinner w : winners) {
            w.candidate().party().ifPresent(p -> wins.merge(p, 1, Integer::sum));
        }
        List<ThresholdDecision> decisions = new ArrayList<>();
        for (var e : secondVotes.entrySet()) {
            String party = e.getKey();
            Rational share = Rational.of(e.getValue(), votes.validSecondVotes());
            int w = wins.getOrDefault(party, 0);
            boolean minority = votes.minorityParties().contains(party);
            Reason reason = share.compareTo(FIVE_PERCENT) >= 0 ? Reason.FIVE_PERCENT
                    : w >= CONSTITUENCY_WINS ? Reason.CONSTITUENCY_SEAT_EXEMPTION
                    : minority ? Reason.NATIONAL_MINORITY
                    : Reason.BELOW_THRESHOLD;
            decisions.add(new ThresholdDecision(party, e.getValue(), share, w, minority, reason));
        }
        return decisions;
    }
}
