package de.wahlwerk.bench.replay;

import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.util.Map;

/**
 * One generated polling or postal district with its share of a constituency's official result.
 *
 * @param eligible          A (polling districts only; 0 for postal ones)
 * @param eligibleWithCard  A2, voters on the roll who got a polling card (most of them vote by post)
 * @param voters            B
 * @param votersWithCard    B1
 * @param invalid           invalid ballots per vote kind
 * @param votes             votes per vote kind and kerg2 group position of the constituency
 */
public record SplitUnit(String key, String name, UnitKind kind, String constituency, long eligible,
        long eligibleWithCard, long voters, long votersWithCard, Map<VoteKind, Long> invalid,
        Map<VoteKind, Map<Integer, Long>> votes) {}
