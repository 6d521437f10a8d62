package de.wahlwerk.core.check;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every field of a report by its form letter, with whether the form requires it and the largest
 * value that is not absurd. Rules read numbers through {@link #usable}, which answers null for a
 * number that already has a field error (missing, negative, above the ceiling): a relation is then
 * not checked, so one typo yields one finding and sums can never overflow.
 */
final class Sheet {

    /** One field. */
    record Entry(String field, Long value, boolean required, long ceiling, Term label) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    Sheet(ReportInput in) {
        long persons = in.thresholds().ceiling();
        Counts c = in.counts();
        // Postal districts have no roll (§ 7 BWO keeps rolls per polling district), so A is not asked.
        boolean polling = in.unit() == UnitKind.POLLING;
        add("A1", c.eligibleNoCard(), polling, persons, new Term("label.A1", "A1"));
        add("A2", c.eligibleWithCard(), polling, persons, new Term("label.A2", "A2"));
        add("A3", c.eligibleAdded(), polling, persons, new Term("label.A3", "A3"));
        add("A", c.eligible(), polling, persons, new Term("label.A", "A"));
        add("B", c.voters(), true, persons, new Term("label.B", "B"));
        add("B1", c.votersWithCard(), true, persons, new Term("label.B1", "B1"));
        for (VoteKind kind : in.voteKinds()) {
            if (kind == VoteKind.YES_NO) {
                continue;
            }
            Letters l = Letters.of(kind);
            // Council elections: votes reach N per voter, ballots stay persons.
            long votes = kind == VoteKind.CUMULATIVE
                    ? persons * in.cumulativeParameters().votesPerVoter()
                    : persons;
            VoteCounts vc = c.votes(kind);
            add(l.invalid(), vc == null ? null : vc.invalid(), true, persons, new Term("label.invalid." + kind, l.invalid()));
            add(l.valid(), vc == null ? null : vc.valid(), true, votes, new Term("label.valid." + kind, l.valid()));
            Set<Integer> standing = in.ballot().getOrDefault(kind, Set.of());
            Set<Integer> positions = new TreeSet<>(standing);
            if (vc != null) {
                positions.addAll(vc.perNomination().keySet());
            }
            for (int p : positions) {
                add(l.nomination(p), vc == null ? null : vc.votesFor(p), standing.contains(p), votes,
                        new Term("label.nomination." + kind, l.nomination(p), p));
            }
        }
        if (in.cumulativeParameters() != null) {
            long votes = persons * in.cumulativeParameters().votesPerVoter();
            in.cumulativeLists().forEach((list, detail) -> {
                add(Letters.listOnly(list), detail.listOnlyVotes(), false, votes,
                        new Term("label.listOnly", Letters.listOnly(list), list));
                detail.candidateVotes().forEach((n, v) -> add(Letters.candidate(list, n), v, true, votes,
                        new Term("label.candidate", Letters.candidate(list, n), list, n)));
            });
        }
        for (ReferendumQuestion q : in.questions()) {
            add(q.field() + ".yes", q.yes(), true, persons,
                    new Term("label.question.yes", q.field() + ".yes", q.number()));
            add(q.field() + ".no", q.no(), true, persons,
                    new Term("label.question.no", q.field() + ".no", q.number()));
            add(q.field() + ".invalid", q.invalid(), true, persons,
                    new Term("label.question.invalid", q.field() + ".invalid", q.number()));
        }
    }

    private void add(String field, Long value, boolean required, long ceiling, Term label) {
        entries.put(field, new Entry(field, value, required, ceiling, label));
    }

    /** "B (Wähler)", "D3 (Erststimmen für Wahlvorschlag 3)": how messages name a field. */
    Term label(String field) {
        Entry e = entries.get(field);
        return e == null ? new Term("label.plain", field) : e.label();
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    /** The entered value if it is present, not negative and not above its ceiling; else null. */
    Long usable(String field) {
        Entry e = entries.get(field);
        if (e == null || e.value() == null || e.value() < 0 || e.value() > e.ceiling()) {
            return null;
        }
        return e.value();
    }

    /** The entered values of the fields, or null if any of them is not usable. */
    List<Long> usable(List<String> fields) {
        List<Long> values = new ArrayList<>(fields.size());
        for (String f : fields) {
            Long v = usable(f);
            if (v == null) {
                return null;
            }
            values.add(v);
        }
        return values;
    }

    /** Exact sum (the ceilings keep it far below overflow; addExact guards the assumption). */
    static long sum(List<Long> values) {
        long s = 0;
        for (long v : values) {
            s = Math.addExact(s, v);
        }
        return s;
    }
}
