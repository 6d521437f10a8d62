package de.wahlwerk.core.seats.landtag;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.seats.Apportioner;
import de.wahlwerk.core.seats.Apportionment;
import de.wahlwerk.core.seats.Contender;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.Method;
import de.wahlwerk.core.seats.SeatOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Landtag Bayern (Landeswahlgesetz, LWG), as specified in the brief and ELECTORAL_LAW.md:
 * a party needs 5 % of the Gesamtstimmen (first + second votes) in the whole Land; in each
 * Wahlkreis the seats go to the admitted parties by Hare/Niemeyer on their Gesamtstimmen; a
 * party keeps Stimmkreis seats beyond its share (overhang), and the Wahlkreis's seat number is
 * increased until the new Hare/Niemeyer distribution covers every party's Stimmkreis seats, the
 * others receiving compensation seats.
 *
 * <p>[UNV]: the article numbers (LWG Art. 42–44) and whether the 2023 election still used
 * Hare/Niemeyer were not verified against the statute; the 2018 result is reproduced (see the
 * test). Stimmkreis winners of parties below the threshold are not counted (the LWG gives them
 * no seat [UNV]). Lot keys: {@code "wahlkreis:<name>:<seats>"}.
 */
public final class LandtagBayern {

    public static final Rational THRESHOLD = Rational.of(5, 100);

    /**
     * The seven Wahlkreise (Regierungsbezirke, numbered 1…7 as the first digit of their Stimmkreis
     * numbers) with their statutory seats since the Stimmkreis reform of 2016 (LWG Art. 21 Abs. 1;
     * 31/9/8/8/12/10/13 Stimmkreise). [UNV: from background knowledge, not from a statute text in
     * the corpus; reproduces the official 2018 result of 205 seats.]
     */
    public static final List<String> WAHLKREISE = List.of("Oberbayern", "Niederbayern", "Oberpfalz", "Oberfranken",
            "Mittelfranken", "Unterfranken", "Schwaben");
    public static final List<Integer> BASE_SEATS = List.of(61, 18, 16, 16, 24, 19, 26);

    private LandtagBayern() {}

    public static SeatOutcome<LandtagBayernResult> allocate(List<WahlkreisVotes> wahlkreise, Lots lots) {
        Map<String, Long> land = new LinkedHashMap<>();
        for (WahlkreisVotes w : wahlkreise) {
            w.totalVotes().forEach((p, v) -> land.merge(p, v, Long::sum));
        }
        long total = land.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Rational> admitted = new LinkedHashMap<>();
        land.forEach((p, v) -> {
            Rational share = Rational.of(v, total);
            if (share.compareTo(THRESHOLD) >= 0) {
                admitted.put(p, share);
            }
        });

        List<LandtagBayernResult.Wahlkreis> results = new ArrayList<>();
        Map<String, Integer> seatsPerParty = new LinkedHashMap<>();
        admitted.keySet().forEach(p -> seatsPerParty.put(p, 0));
        for (WahlkreisVotes w : wahlkreise) {
            List<Contender> parties = admitted.keySet().stream()
                    .map(p -> Contender.of(p, w.totalVotes().getOrDefault(p, 0L))).toList();
            Map<String, Integer> direct = new LinkedHashMap<>();
            admitted.keySet().forEach(p -> direct.put(p, w.constituencyWins().getOrDefault(p, 0)));
            Map<String, Integer> overhang = new LinkedHashMap<>();
            Apportionment a = null;
            int seats = w.seats();
            while (true) {
                String lotKey = "wahlkreis:" + w.wahlkreis() + ":" + seats;
                a = Apportioner.apportion(Method.HAMILTON, seats, parties, lots.get(lotKey));
                if (a instanceof Apportionment.LotRequired l) {
                    return new SeatOutcome.LotRequired<>(lotKey, l.tie(), "Hare/Niemeyer: equal remainders, lot");
                }
                boolean covered = true;
                for (var e : direct.entrySet()) {
                    int excess = e.getValue() - a.seatsOf(e.getKey());
                    if (seats == w.seats()) {
                        overhang.put(e.getKey(), Math.max(0, excess));
                    }
                    covered &= excess <= 0;
                }
                if (covered) {
                    break;
                }
                seats++;
            }
            for (Contender p : parties) {
                seatsPerParty.merge(p.id(), a.seatsOf(p.id()), Integer::sum);
            }
            results.add(new LandtagBayernResult.Wahlkreis(w.wahlkreis(), w.seats(), seats, a, overhang, direct));
        }
        int house = seatsPerParty.values().stream().mapToInt(Integer::intValue).sum();
        return new SeatOutcome.Decided<>(new LandtagBayernResult(admitted, results, seatsPerParty, house));
    }
}
