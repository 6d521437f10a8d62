package de.wahlwerk.server.results;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.core.seats.Lots;
import de.wahlwerk.core.seats.Tie;
import de.wahlwerk.core.seats.landtag.LandtagBayern;
import de.wahlwerk.core.seats.landtag.WahlkreisVotes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the input of the Bavarian Landtag calculation from the Stimmkreis records (level
 * CONSTITUENCY) of a stored result or of the live tally: Gesamtstimmen per party = first plus
 * second votes (LWG Art. 42 [UNV]), summed per Wahlkreis; the Stimmkreis winner by plurality of
 * first votes (equal first votes: the lot drawn under {@code stimmkreis:<key>}). The Wahlkreis
 * is the first digit of the official three-digit Stimmkreis number (101 … 713), else the last
 * digit of the parent's key.
 */
final class LandtagBayernInput {

    /** A Stimmkreis with its winner (group key), for display. */
    record Stimmkreis(String key, String name, int wahlkreis, String winner, long winnerVotes, long validFirst,
            boolean byLot) {}

    /** Input, or what is missing, or the Stimmkreis tie that needs a lot. */
    record Result(List<WahlkreisVotes> wahlkreise, List<Stimmkreis> stimmkreise, Map<String, Long> landVotes,
            List<SeatReport.Text> missing, Optional<Tie> tie, String tieKey) {}

    static final String STIMMKREIS_LOT = "stimmkreis:";

    private LandtagBayernInput() {}

    static Result from(List<ResultRecord> records, Lots lots, Texts texts) {
        List<SeatReport.Text> missing = new ArrayList<>();
        List<Map<String, Long>> votes = new ArrayList<>();
        List<Map<String, Integer>> wins = new ArrayList<>();
        for (int i = 0; i < LandtagBayern.WAHLKREISE.size(); i++) {
            votes.add(new LinkedHashMap<>());
            wins.add(new LinkedHashMap<>());
        }
        Map<String, Long> land = new LinkedHashMap<>();
        List<Stimmkreis> stimmkreise = new ArrayList<>();
        for (ResultRecord r : records) {
            if (!r.level().equals(AreaLevel.CONSTITUENCY.name())) {
                continue;
            }
            int wk = wahlkreis(r);
            if (wk < 1 || wk > LandtagBayern.WAHLKREISE.size()) {
                missing.add(texts.of("results.missing.landtagWahlkreis", r.key()));
                continue;
            }
            Map<String, Long> total = new LinkedHashMap<>();
            r.votes(VoteKind.FIRST).forEach((p, v) -> total.merge(p, v, Long::sum));
            r.votes(VoteKind.SECOND).forEach((p, v) -> total.merge(p, v, Long::sum));
            total.forEach((p, v) -> {
                votes.get(wk - 1).merge(p, v, Long::sum);
                land.merge(p, v, Long::sum);
            });
            Map<String, Long> first = r.votes(VoteKind.FIRST);
            long top = first.values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (top == 0) {
                continue; // no first votes reported yet: no winner
            }
            List<String> leaders = first.entrySet().stream().filter(e -> e.getValue() == top).map(Map.Entry::getKey)
                    .toList();
            String winner = leaders.getFirst();
            if (leaders.size() > 1) {
                Optional<List<String>> drawn = lots.get(STIMMKREIS_LOT + r.key()).order(leaders);
                if (drawn.isEmpty()) {
                    return new Result(List.of(), List.of(), land, missing,
                            Optional.of(new Tie(leaders, 1, Rational.of(top))), STIMMKREIS_LOT + r.key());
                }
                winner = drawn.get().getFirst();
            }
            wins.get(wk - 1).merge(winner, 1, Integer::sum);
            long valid = r.valid().getOrDefault(VoteKind.FIRST, first.values().stream().mapToLong(Long::longValue).sum());
            stimmkreise.add(new Stimmkreis(r.key(), r.name(), wk, winner, top, valid, leaders.size() > 1));
        }
        List<WahlkreisVotes> input = new ArrayList<>();
        for (int i = 0; i < LandtagBayern.WAHLKREISE.size(); i++) {
            if (votes.get(i).values().stream().mapToLong(Long::longValue).sum() == 0) {
                missing.add(texts.of("results.missing.landtagVotes", LandtagBayern.WAHLKREISE.get(i), i + 1));
            }
            input.add(new WahlkreisVotes(LandtagBayern.WAHLKREISE.get(i), LandtagBayern.BASE_SEATS.get(i),
                    votes.get(i), wins.get(i)));
        }
        return new Result(missing.isEmpty() ? input : List.of(), stimmkreise, land, missing, Optional.empty(), null);
    }

    private static int wahlkreis(ResultRecord r) {
        String key = r.key();
        if (key != null && key.length() == 3 && key.chars().allMatch(Character::isDigit)) {
            return key.charAt(0) - '0';
        }
        String parent = r.parentKey();
        if (parent != null && !parent.isEmpty() && Character.isDigit(parent.charAt(parent.length() - 1))) {
            return parent.charAt(parent.length() - 1) - '0';
        }
        return -1;
    }
}
