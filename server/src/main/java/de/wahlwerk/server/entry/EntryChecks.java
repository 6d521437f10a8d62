package de.wahlwerk.server.entry;

import de.wahlwerk.core.check.CheckContext;
import de.wahlwerk.core.check.CumulativeParameters;
import de.wahlwerk.core.check.Finding;
import de.wahlwerk.core.check.MunicipalTotals;
import de.wahlwerk.core.check.PlausibilityCheck;
import de.wahlwerk.core.check.ReferendumQuestion;
import de.wahlwerk.core.check.ReportInput;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.Election;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import de.wahlwerk.server.setup.SetupReads;
import de.wahlwerk.server.web.FieldProblem;
import de.wahlwerk.server.web.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Runs the plausibility checks of {@code core.check} on a report, with what it is compared to:
 * the unit's previous-election result (matched by unit key and party short name), the average of
 * the municipality's confirmed reports so far (same unit kind), and the election's thresholds.
 */
@Component
class EntryChecks {

    private final PreviousResults previous;
    private final ConfirmedSums sums;
    private final de.wahlwerk.server.register.RollCounts roll;

    EntryChecks(PreviousResults previous, ConfirmedSums sums, de.wahlwerk.server.register.RollCounts roll) {
        this.previous = previous;
        this.sums = sums;
        this.roll = roll;
    }

    /**
     * Polling cards issued in a postal district's catchment (W010, W011), from the roll's marks „W“.
     * The model has no catchment of its own yet, so this is known only where the day has a single
     * postal district (its catchment is the whole roll); elsewhere null, and the rules stay silent.
     * The number of postal districts comes from the set-up as of the report (cached per version),
     * and the roll is counted only where it is needed.
     */
    private Long pollingCardsIssued(SetupReads setup, ReportForm form) {
        if (form.unit().kind() != de.wahlwerk.core.model.UnitKind.POSTAL
                || setup.postalUnitCount(form.unit().electionDayId()) != 1 || !roll.hasRoll(form.election().id())) {
            return null;
        }
        return roll.pollingCards(form.election().id());
    }

    List<Finding> check(SetupReads setup, ReportForm form, Map<String, Long> values, EntrySettings settings) {
        Election election = form.election();
        Counts counts = form.toCounts(values);
        Map<VoteKind, Set<Integer>> ballot = new EnumMap<>(VoteKind.class);
        for (VoteKind kind : election.kind().voteKinds()) {
            Set<Integer> positions = new HashSet<>();
            form.fields().stream().filter(f -> f.ballotPosition() != null && !f.isCandidate() && f.section().equals(kind.name()))
                    .forEach(f -> positions.add(f.ballotPosition()));
            ballot.put(kind, positions);
        }
        CumulativeParameters cumulative = election.kind().usesCumulativeVoting()
                && election.votesPerVoter() != null && election.maxVotesPerCandidate() != null
                ? new CumulativeParameters(election.votesPerVoter(), election.maxVotesPerCandidate(), election.seats())
                : null;
        List<ReferendumQuestion> questions = new ArrayList<>();
        VoteCounts yesNo = counts.votes(VoteKind.YES_NO);
        if (yesNo != null) {
            questions.add(ReferendumQuestion.of(1, yesNo));
        }
        CheckContext context = new CheckContext(previous.forUnit(form, settings.comparisonElection()), average(form),
                pollingCardsIssued(setup, form), ThresholdSettings.parse(settings.thresholds()));
        Map<Integer, Map<Integer, Long>> candidateVotes = new java.util.TreeMap<>();
        for (var f : form.fields()) {
            if (f.isCandidate()) {
                candidateVotes.computeIfAbsent(f.ballotPosition(), p -> new java.util.TreeMap<>())
                        .put(f.candidatePosition(), values.get(f.letter()));
            }
        }
        Map<Integer, de.wahlwerk.core.check.CumulativeList> lists = new java.util.TreeMap<>();
        candidateVotes.forEach((p, votes) -> lists.put(p, new de.wahlwerk.core.check.CumulativeList(null, votes)));
        ReportInput input = new ReportInput(election.kind(), election.kind().voteKinds(), form.unit().kind(), counts,
                ballot, cumulative, lists, questions, context);
        return PlausibilityCheck.check(input).findings();
    }

    void validateThresholds(String text) {
        try {
            ThresholdSettings.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldProblem.of("thresholds", "entry.thresholdsInvalid", e.getMessage()));
        }
    }

    /** Field-wise sum of the confirmed reports of the same unit kind in this election, by current ballot position. */
    private MunicipalTotals average(ReportForm form) {
        ConfirmedSums.Sum sum = sums.without(form.election().id(), form.unit().kind(), form.unit().id());
        if (sum.units() == 0) {
            return null;
        }
        return new MunicipalTotals(form.toCounts(sum.values()), sum.units());
    }
}
