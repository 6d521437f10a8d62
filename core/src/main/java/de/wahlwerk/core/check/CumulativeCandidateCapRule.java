package de.wahlwerk.core.check;

/**
 * E015: council elections: one voter gives one candidate at most M votes (Bavaria: 3, Art. 34
 * Abs. 1 GLKrWG), so a candidate has at most M × (B − C) votes in a unit.
 */
record CumulativeCandidateCapRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E015";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (!Cumulative.applies(in)) {
            return;
        }
        Long ballots = Cumulative.validBallots(sheet);
        if (ballots == null) {
            return;
        }
        long m = in.cumulativeParameters().maxVotesPerCandidate();
        long max = Math.multiplyExact(m, ballots);
        in.cumulativeLists().forEach((list, detail) -> detail.candidateVotes().keySet().forEach(n -> {
            String field = Letters.candidate(list, n);
            Long v = sheet.usable(field);
            if (v != null && v > max) {
                out.add(this, field, sheet.label(field), v, m, ballots, max);
            }
        }));
    }
}
