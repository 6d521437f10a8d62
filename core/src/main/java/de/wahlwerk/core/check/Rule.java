package de.wahlwerk.core.check;

/**
 * One plausibility rule with a stable code. Sealed: the set of codes is part of the contract with
 * the server (stored confirmations refer to them) and with docs/CHECKS.md.
 */
sealed interface Rule permits
        MissingFieldRule, NegativeNumberRule, CeilingRule, EligibleSumRule, VotesSumRule, NominationSumRule,
        VotersWithoutCardRule, CardVotersWithinVotersRule, PostalNoRollRule, PostalAllCardsRule, NotOnBallotRule,
        CumulativeInvalidBallotsRule, CumulativeVotesPerVoterRule, CumulativeVotePerBallotRule,
        CumulativeCandidateCapRule, CumulativeListSumRule, ReferendumSumRule,
        TurnoutVsPreviousRule, ShareVsPreviousRule, TurnoutVsAverageRule, ShareVsAverageRule, InvalidShareRule,
        CopiedColumnRule, RepeatedValueRule, SwappedDigitsRule, VanishedNominationRule, PostalAboveCardsRule,
        PostalBelowCardsRule, MoreVotersThanEligibleRule, CardVotersAboveRollRule, CardVotersCopiedRule {

    String code();

    Severity severity();

    void check(ReportInput in, Sheet sheet, Findings out);
}
