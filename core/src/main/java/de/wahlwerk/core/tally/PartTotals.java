package de.wahlwerk.core.tally;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The numbers of one {@link Part} of an area: immutable (it owns a private copy of its block).
 * Shares and turnout are exact; a caller rounds only for display.
 */
public final class PartTotals {

    private final Layout layout;
    private final long[] block;
    private final long unitsExpected;

    PartTotals(Layout layout, long[] block, long unitsExpected) {
        this.layout = layout;
        this.block = block;
        this.unitsExpected = unitsExpected;
    }

    public long unitsExpected() {
        return unitsExpected;
    }

    /** Units whose numbers are in, counting a neighbour counted with another unit once that unit is in. */
    public long unitsReported() {
        return block[Layout.UNITS];
    }

    public long eligibleNoCard() {
        return block[Layout.A1];
    }

    public long eligibleWithCard() {
        return block[Layout.A2];
    }

    public long eligibleAdded() {
        return block[Layout.A3];
    }

    /** A of the reported units; postal districts have no roll, so this is 0 for the postal part. */
    public long eligible() {
        return block[Layout.A];
    }

    public long voters() {
        return block[Layout.B];
    }

    public long votersWithCard() {
        return block[Layout.B1];
    }

    public long invalid(VoteKind kind) {
        return block[layout.invalid(kindIdx(kind))];
    }

    public long valid(VoteKind kind) {
        return block[layout.valid(kindIdx(kind))];
    }

    /**
     * Votes for a group; 0 for a group of the election that does not stand in this area. Throws
     * for a key no ballot of the election has.
     */
    public long votes(VoteKind kind, String group) {
        int g = layout.keys.group(group);
        int k = kindIdx(kind);
        int local = layout.local(k, g);
        return local < 0 ? 0 : block[layout.group(k, local)];
    }

    /**
     * Votes per group key: the groups standing in this area for this kind (on a ballot of some
     * unit below it), sorted by key; 0 where a group got none. Groups that stand only elsewhere
     * are not listed.
     */
    public Map<String, Long> votes(VoteKind kind) {
        int k = kindIdx(kind);
        Map<String, Long> m = new LinkedHashMap<>();
        for (int g = 0; g < layout.groupCount(k); g++) {
            m.put(layout.groupKey(k, g), block[layout.group(k, g)]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * Voters / eligible voters, empty while no eligible voters are in. Only meaningful for
     * {@link Part#ALL} of a complete area: postal voters belong to polling districts' rolls (A2),
     * so a partial or postal-only turnout is not the turnout.
     */
    public Optional<Rational> turnout() {
        return eligible() == 0 ? Optional.empty() : Optional.of(Rational.of(voters(), eligible()));
    }

    /** The group's share of valid votes, empty while there are no valid votes. */
    public Optional<Rational> share(VoteKind kind, String group) {
        long valid = valid(kind);
        return valid == 0 ? Optional.empty() : Optional.of(Rational.of(votes(kind, group), valid));
    }

    /** The group(s) with most votes of this kind. */
    public Leader leader(VoteKind kind) {
        int k = kindIdx(kind);
        long best = 0;
        List<String> top = new ArrayList<>();
        for (int g = 0; g < layout.groupCount(k); g++) {
            long v = block[layout.group(k, g)];
            if (v > best) {
                best = v;
                top.clear();
            }
            if (v == best && v > 0) {
                top.add(layout.groupKey(k, g));
            }
        }
        if (top.isEmpty()) {
            return new Leader.None();
        }
        return top.size() == 1 ? new Leader.Single(top.getFirst(), best) : new Leader.Tie(top, best);
    }

    private int kindIdx(VoteKind kind) {
        return layout.keys.kind(kind);
    }
}
