package de.wahlwerk.core.tally;

import de.wahlwerk.core.model.VoteKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a ballot position means in one part of the election: per vote kind, ballot position →
 * group key. Reports carry votes by ballot position ({@code D1…Dn}, {@code F1…Fn}), but positions
 * differ between constituencies (and constituency nominations differ altogether), so the tally
 * adds votes up by a stable group key such as the party's short name; an independent candidate
 * gets a key of its own (e.g. {@code "EB-053-Müller"}).
 *
 * @param id     referenced by {@link UnitSpec#ballot()}; typically the constituency
 * @param groups per vote kind, ballot position → group key; a key appears at most once per kind
 */
public record Ballot(String id, Map<VoteKind, Map<Integer, String>> groups) {

    public Ballot {
        Objects.requireNonNull(id, "id");
        Map<VoteKind, Map<Integer, String>> copy = new EnumMap<>(VoteKind.class);
        groups.forEach((kind, byPosition) -> {
            if (byPosition.values().stream().distinct().count() != byPosition.size()) {
                throw new IllegalArgumentException("ballot " + id + ": a group appears twice for " + kind);
            }
            byPosition.values().forEach(g -> Objects.requireNonNull(g, "group key"));
            copy.put(kind, Collections.unmodifiableMap(new TreeMap<>(byPosition)));
        });
        groups = Collections.unmodifiableMap(copy);
    }
}
