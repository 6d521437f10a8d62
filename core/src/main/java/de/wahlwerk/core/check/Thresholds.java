package de.wahlwerk.core.check;

import de.wahlwerk.core.arith.Rational;
import java.util.Objects;

/**
 * Limits of the checks, configurable per election. Shares and deviations are exact fractions of 1
 * (15 percentage points = 15/100); build them with {@link #percent(String)}. Defaults and their
 * reasons are documented in docs/CHECKS.md.
 *
 * @param ceiling                   E003: largest count of persons or ballots in one unit (votes of
 *                                  cumulative elections may reach ceiling × votes per voter)
 * @param turnoutVsPrevious         W001: turnout deviation from the unit's previous election
 * @param shareVsPrevious           W002: share deviation of a nomination from the previous election
 * @param turnoutVsAverage          W003: turnout deviation from the municipality's current average
 * @param shareVsAverage            W004: share deviation from the municipality's current average
 * @param invalidShareMax           W005: largest unremarkable share of invalid votes or ballots
 * @param minVotesForShare          W002/W004/W008/W009: shares of fewer valid votes are noise
 * @param minReportsForAverage      W003/W004/W008: confirmed reports needed before the average counts
 * @param postalMinReturn           W011: postal voters below this share of polling cards issued
 * @param swapTolerance             W008: relative distance to the expected value that counts as "fits"
 * @param vanishedMinExpected       W009: expected votes above which a zero is suspicious
 * @param repeatedMinNominations    W006/W007: nominations needed before equal columns are suspicious
 * @param cardCopyMin               W014: A2 from which B1 = A2 looks like a copied number
 */
public record Thresholds(
        long ceiling,
        Rational turnoutVsPrevious,
        Rational shareVsPrevious,
        Rational turnoutVsAverage,
        Rational shareVsAverage,
        Rational invalidShareMax,
        long minVotesForShare,
        int minReportsForAverage,
        Rational postalMinReturn,
        Rational swapTolerance,
        long vanishedMinExpected,
        int repeatedMinNominations,
        long cardCopyMin) {

    /**
     * Largest allowed ceiling: with at most {@link CumulativeParameters#MAX_VOTES_PER_VOTER} votes per
     * voter a field is at most 10¹², so even a million fields cannot overflow a long sum.
     */
    public static final long MAX_CEILING = 1_000_000_000L;

    public static final Thresholds DEFAULTS = new Thresholds(
            100_000,
            percent("15"),
            percent("15"),
            percent("20"),
            percent("20"),
            percent("5"),
            50,
            10,
            percent("50"),
            percent("1"),
            20,
            3,
            20);

    public Thresholds {
        if (ceiling < 1 || ceiling > MAX_CEILING) {
            throw new IllegalArgumentException("ceiling must be in 1.." + MAX_CEILING + ": " + ceiling);
        }
        for (Rational r : new Rational[] {turnoutVsPrevious, shareVsPrevious, turnoutVsAverage, shareVsAverage,
                invalidShareMax, postalMinReturn, swapTolerance}) {
            Objects.requireNonNull(r, "thresholds must not be null");
            if (r.signum() < 0) {
                throw new IllegalArgumentException("thresholds must not be negative: " + r);
            }
        }
        if (minVotesForShare < 1 || minReportsForAverage < 1 || vanishedMinExpected < 1
                || repeatedMinNominations < 2 || cardCopyMin < 1) {
            throw new IllegalArgumentException("minimum counts must be positive (repeatedMinNominations >= 2)");
        }
    }

    /** "12.5" → 12.5 % = 1/8, exactly. */
    public static Rational percent(String value) {
        return Rational.parse(value).divide(100);
    }

    public Thresholds withCeiling(long value) {
        return new Thresholds(value, turnoutVsPrevious, shareVsPrevious, turnoutVsAverage, shareVsAverage,
                invalidShareMax, minVotesForShare, minReportsForAverage, postalMinReturn, swapTolerance,
                vanishedMinExpected, repeatedMinNominations, cardCopyMin);
    }

    public Thresholds withInvalidShareMax(Rational value) {
        return new Thresholds(ceiling, turnoutVsPrevious, shareVsPrevious, turnoutVsAverage, shareVsAverage,
                value, minVotesForShare, minReportsForAverage, postalMinReturn, swapTolerance,
                vanishedMinExpected, repeatedMinNominations, cardCopyMin);
    }

    public Thresholds withShareVsPrevious(Rational value) {
        return new Thresholds(ceiling, turnoutVsPrevious, value, turnoutVsAverage, shareVsAverage,
                invalidShareMax, minVotesForShare, minReportsForAverage, postalMinReturn, swapTolerance,
                vanishedMinExpected, repeatedMinNominations, cardCopyMin);
    }
}
