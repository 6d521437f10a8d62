package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteKind;

/**
 * E005: invalid + valid votes of a one-vote-per-ballot kind must equal the voters B (C + D = B,
 * E + F = B; § 69 BWO: every ballot in the urn is counted as valid or invalid for each vote).
 * Not for council elections, where D counts votes, not ballots (see E012–E014).
 */
record VotesSumRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E005";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        Long b = sheet.usable("B");
        for (VoteKind kind : in.voteKinds()) {
            if (kind == VoteKind.CUMULATIVE || kind == VoteKind.YES_NO) {
                continue;
            }
            Letters l = Letters.of(kind);
            Long invalid = sheet.usable(l.invalid());
            Long valid = sheet.usable(l.valid());
            if (b == null || invalid == null || valid == null) {
                continue;
            }
            long sum = Math.addExact(invalid, valid);
            if (sum != b) {
                out.add(this, l.valid(), sheet.label("B"), b, l.invalid(), l.valid(), sum, l.name());
            }
        }
    }
}
