package de.wahlwerk.core.formats;

import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the rows of one area of a kerg2 file. */
final class KergAreaBuilder {

    /** Current or previous election numbers of one area. */
    static final class Numbers {
        Long eligible;
        Long voters;
        final Map<VoteKind, Long> invalid = new EnumMap<>(VoteKind.class);
        final Map<VoteKind, Long> valid = new EnumMap<>(VoteKind.class);
        final Map<VoteKind, Map<Integer, Long>> perGroup = new EnumMap<>(VoteKind.class);

        Counts toCounts() {
            Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
            for (VoteKind k : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
                votes.put(k, new VoteCounts(invalid.get(k), valid.get(k), perGroup.getOrDefault(k, Map.of())));
            }
            return new Counts(null, null, null, eligible, voters, null, votes);
        }

        void group(VoteKind kind, int position, Long value) {
            perGroup.computeIfAbsent(kind, _ -> new TreeMap<>()).put(position, value);
        }
    }

    final long line;
    final AreaLevel level;
    final String key;
    final String name;
    final AreaLevel parentLevel;
    final String parentKey;
    final String elected;
    final Map<Integer, KergGroup> groups = new TreeMap<>();
    final Map<Integer, Long> groupLines = new TreeMap<>();
    final Numbers current = new Numbers();
    final Numbers previous = new Numbers();

    KergAreaBuilder(long line, AreaLevel level, String key, String name, AreaLevel parentLevel, String parentKey,
            String elected) {
        this.line = line;
        this.level = level;
        this.key = key;
        this.name = name;
        this.parentLevel = parentLevel;
        this.parentKey = parentKey;
        this.elected = elected;
    }

    KergArea build() {
        // ballot order first, "Übrige" (1000) last: the TreeMap orders by position already
        return new KergArea(line, level, key, name, parentLevel, parentKey, new ArrayList<>(groups.values()),
                current.toCounts(), previous.toCounts(), elected);
    }
}
