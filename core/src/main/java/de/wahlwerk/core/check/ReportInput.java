package de.wahlwerk.core.check;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One quick report as entered, with what it is checked against.
 *
 * @param election     the kind of election
 * @param voteKinds    the vote kinds on its ballot (usually {@code election.voteKinds()})
 * @param unit         polling or postal district
 * @param counts       the entered numbers; null = not entered
 * @param ballot       per vote kind the ballot positions of the nominations standing in this unit;
 *                     each must be entered, and no other position may carry a number
 * @param cumulativeParameters N and M; required for cumulative elections, else null
 * @param cumulativeLists per-candidate numbers per list position (cumulative elections), or empty
 *                     when the quick report carries list totals only
 * @param questions    referendum answers per question; required (non-empty) for referendums
 * @param context      previous election, current average, polling cards issued, thresholds
 */
public record ReportInput(
        ElectionKind election,
        List<VoteKind> voteKinds,
        UnitKind unit,
        Counts counts,
        Map<VoteKind, Set<Integer>> ballot,
        CumulativeParameters cumulativeParameters,
        Map<Integer, CumulativeList> cumulativeLists,
        List<ReferendumQuestion> questions,
        CheckContext context) {

    public ReportInput {
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(counts, "counts");
        voteKinds = List.copyOf(voteKinds);
        Map<VoteKind, Set<Integer>> b = new EnumMap<>(VoteKind.class);
        ballot.forEach((k, v) -> b.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        ballot = Collections.unmodifiableMap(b);
        cumulativeLists = Collections.unmodifiableMap(new TreeMap<>(cumulativeLists));
        questions = List.copyOf(questions);
        context = context == null ? CheckContext.NONE : context;
        if (voteKinds.contains(VoteKind.CUMULATIVE) && cumulativeParameters == null) {
            throw new IllegalArgumentException("a cumulative election needs its votes per voter and cap");
        }
        if (voteKinds.contains(VoteKind.YES_NO) && questions.isEmpty()) {
            throw new IllegalArgumentException("a referendum needs at least one question");
        }
        for (VoteKind k : voteKinds) {
            if (k != VoteKind.YES_NO && !ballot.containsKey(k)) {
                throw new IllegalArgumentException("no ballot given for vote kind " + k);
            }
        }
    }

    /**
     * A report whose ballot is taken from the entered numbers (every position with a number stands).
     * Convenient for imported results, where an empty cell means "did not stand"; a form should pass
     * the real ballot so that a forgotten field is reported as missing.
     */
    public static ReportInput of(ElectionKind election, UnitKind unit, Counts counts) {
        return new ReportInput(election, election.voteKinds(), unit, counts, ballotOfEntered(counts), null,
                Map.of(), List.of(), CheckContext.NONE);
    }

    /** The positions with a number, per vote kind of the counts. */
    public static Map<VoteKind, Set<Integer>> ballotOfEntered(Counts counts) {
        Map<VoteKind, Set<Integer>> ballot = new EnumMap<>(VoteKind.class);
        counts.votes().forEach((kind, votes) -> ballot.put(kind, entered(votes)));
        return ballot;
    }

    private static Set<Integer> entered(VoteCounts votes) {
        Set<Integer> s = new TreeSet<>();
        votes.perNomination().forEach((p, v) -> {
            if (v != null) {
                s.add(p);
            }
        });
        return s;
    }

    public ReportInput withContext(CheckContext value) {
        return new ReportInput(election, voteKinds, unit, counts, ballot, cumulativeParameters, cumulativeLists,
                questions, value);
    }

    public ReportInput withCounts(Counts value) {
        return new ReportInput(election, voteKinds, unit, value, ballot, cumulativeParameters, cumulativeLists,
                questions, context);
    }

    public ReportInput withBallot(Map<VoteKind, Set<Integer>> value) {
        return new ReportInput(election, voteKinds, unit, counts, value, cumulativeParameters, cumulativeLists,
                questions, context);
    }

    public ReportInput withCumulative(CumulativeParameters parameters, Map<Integer, CumulativeList> lists) {
        return new ReportInput(election, voteKinds, unit, counts, ballot, parameters, new LinkedHashMap<>(lists),
                questions, context);
    }

    public ReportInput withQuestions(List<ReferendumQuestion> value) {
        return new ReportInput(election, voteKinds, unit, counts, ballot, cumulativeParameters, cumulativeLists,
                value, context);
    }

    Thresholds thresholds() {
        return context.thresholds();
    }
}
