package de.wahlwerk.core.seats.direct;

import de.wahlwerk.core.arith.Rational;

/**
 * Bürgerentscheid: decided in the sense of the majority of valid votes if that majority amounts
 * to at least the approval quorum of the eligible voters; on equal votes the question counts as
 * answered "Nein" (Bayern GO Art. 18a Abs. 12; BW GemO § 21 per Heidelberg) — ELECTORAL_LAW.md § 7.
 * The quorum is compared exactly ({@code votes ≥ quorum · eligible}), never on rounded percentages
 * (Gerolzhofen 2024 missed it by three votes).
 */
public final class Referendum {

    private Referendum() {}

    public enum Decision {
        /** Ja has the majority and reaches the quorum */
        ACCEPTED,
        /** Nein has the majority and reaches the quorum */
        REJECTED,
        /** equal votes: the question counts as answered Nein */
        REJECTED_BY_TIE,
        /** the majority answer misses the quorum: the matter returns to the council */
        QUORUM_MISSED
    }

    /**
     * @param required    votes the majority answer needed: ⌈quorum · eligible⌉
     * @param majorityYes whether Ja had more votes than Nein
     */
    public record Result(Decision decision, long yes, long no, long eligible, Rational quorum, long required,
            boolean majorityYes) {}

    public static Result decide(long yes, long no, long eligible, Rational quorum) {
        long required = quorum.multiply(eligible).ceil().longValueExact();
        Decision d;
        if (yes == no) {
            d = Decision.REJECTED_BY_TIE;
        } else {
            long majority = Math.max(yes, no);
            d = majority < required ? Decision.QUORUM_MISSED : yes > no ? Decision.ACCEPTED : Decision.REJECTED;
        }
        return new Result(d, yes, no, eligible, quorum, required, yes > no);
    }
}
