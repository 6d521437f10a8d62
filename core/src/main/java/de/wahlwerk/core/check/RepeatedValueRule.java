package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteKind;
import java.util.HashSet;
import java.util.Set;

/**
 * W007: every nomination of a vote kind has the same non-zero number (a whole row of identical
 * numbers) — the pattern of a value carried down by autofill or a stuck key, not of a count.
 */
record RepeatedValueRule() implements Rule {

    public Severity severity() {
        return Severity.WARNING;
    }

    public String code() {
        return "W007";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        for (VoteKind kind : in.voteKinds()) {
            if (kind == VoteKind.YES_NO) {
                continue;
            }
            Letters l = Letters.of(kind);
            Set<Integer> positions = in.ballot().get(kind);
            if (positions.size() < in.thresholds().repeatedMinNominations()) {
                continue;
            }
            Set<Long> distinct = new HashSet<>();
            for (int p : positions) {
                distinct.add(sheet.usable(l.nomination(p)));
            }
            if (distinct.size() == 1) {
                Long value = distinct.iterator().next();
                if (value != null && value != 0) {
                    out.add(this, l.valid(), l.prefix() + "1 … " + l.prefix() + "n", value, l.name());
                }
            }
        }
    }
}
