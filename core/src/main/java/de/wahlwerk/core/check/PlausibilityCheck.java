package de.wahlwerk.core.check;

import java.util.ArrayList;
import java.util.List;

/**
 * The plausibility checks of a quick report. Stateless and thread-safe.
 *
 * <p>Errors are evaluated first. Warnings are evaluated only on a report without errors: an error
 * means a number is about to change, and a warning about the wrong number would ask the user to
 * confirm something they are going to correct anyway.
 */
public final class PlausibilityCheck {

    private static final List<Rule> ERRORS = List.of(
            new MissingFieldRule(), new NegativeNumberRule(), new CeilingRule(), new EligibleSumRule(),
            new VotesSumRule(), new NominationSumRule(), new VotersWithoutCardRule(),
            new CardVotersWithinVotersRule(), new PostalNoRollRule(), new PostalAllCardsRule(),
            new NotOnBallotRule(), new CumulativeInvalidBallotsRule(), new CumulativeVotesPerVoterRule(),
            new CumulativeVotePerBallotRule(), new CumulativeCandidateCapRule(), new CumulativeListSumRule(),
            new ReferendumSumRule());

    private static final List<Rule> WARNINGS = List.of(
            new TurnoutVsPreviousRule(), new ShareVsPreviousRule(), new TurnoutVsAverageRule(),
            new ShareVsAverageRule(), new InvalidShareRule(), new CopiedColumnRule(), new RepeatedValueRule(),
            new SwappedDigitsRule(), new VanishedNominationRule(), new PostalAboveCardsRule(),
            new PostalBelowCardsRule(), new MoreVotersThanEligibleRule(), new CardVotersAboveRollRule(),
            new CardVotersCopiedRule());

    private PlausibilityCheck() {}

    public static CheckResult check(ReportInput input) {
        Sheet sheet = new Sheet(input);
        Findings out = new Findings();
        for (Rule r : ERRORS) {
            r.check(input, sheet, out);
        }
        if (out.list().isEmpty()) {
            for (Rule r : WARNINGS) {
                r.check(input, sheet, out);
            }
        }
        return new CheckResult(out.list());
    }

    /** Every code, errors then warnings, for documentation and for validating stored confirmations. */
    public static List<String> codes() {
        List<String> codes = new ArrayList<>();
        ERRORS.forEach(r -> codes.add(r.code()));
        WARNINGS.forEach(r -> codes.add(r.code()));
        return codes;
    }
}
