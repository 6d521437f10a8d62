package de.wahlwerk.core.check;

/**
 * E013: council elections: each valid ballot carries at most N votes (Bavaria: Art. 34 Abs. 1
 * GLKrWG, as many as seats), so D ≤ N × (B − C).
 */
record CumulativeVotesPerVoterRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E013";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (!Cumulative.applies(in)) {
            return;
        }
        Long ballots = Cumulative.validBallots(sheet);
        Long d = sheet.usable("D");
        if (ballots == null || d == null) {
            return;
        }
        long n = in.cumulativeParameters().votesPerVoter();
        long max = Math.multiplyExact(n, ballots);
        if (d > max) {
            out.add(this, "D", d, n, ballots, max);
        }
    }
}
