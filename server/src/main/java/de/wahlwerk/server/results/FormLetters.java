package de.wahlwerk.server.results;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a report's values by form letter into counts: second votes are E/F/F1…, every other vote
 * kind uses C/D/D1… (Anlage 29 BWO).
 */
public final class FormLetters {

    private FormLetters() {}

    public static Counts toCounts(ElectionKind kind, Map<String, Long> values) {
        Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
        for (VoteKind vk : kind.voteKinds()) {
            String invalid = vk == VoteKind.SECOND ? "E" : "C";
            String valid = vk == VoteKind.SECOND ? "F" : "D";
            Map<Integer, Long> per = new TreeMap<>();
            values.forEach((letter, v) -> {
                if (letter.length() > 1 && letter.startsWith(valid) && letter.substring(1).chars().allMatch(Character::isDigit)) {
                    per.put(Integer.parseInt(letter.substring(1)), v);
                }
            });
            votes.put(vk, new VoteCounts(values.get(invalid), values.get(valid), per));
        }
        return new Counts(values.get("A1"), values.get("A2"), values.get("A3"), values.get("A"), values.get("B"),
                values.get("B1"), votes);
    }
}
