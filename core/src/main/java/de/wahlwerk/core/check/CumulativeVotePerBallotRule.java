package de.wahlwerk.core.check;

/**
 * E014: council elections: a ballot without any valid vote is invalid, so every valid ballot
 * carries at least one vote and D ≥ B − C.
 */
record CumulativeVotePerBallotRule() implements Rule {

    public Severity severity() {
        return Severity.ERROR;
    }

    public String code() {
        return "E014";
    }

    public void check(ReportInput in, Sheet sheet, Findings out) {
        if (!Cumulative.applies(in)) {
            return;
        }
        Long ballots = Cumulative.validBallots(sheet);
        Long d = sheet.usable("D");
        if (ballots != null && d != null && d < ballots) {
            out.add(this, "D", d, ballots);
        }
    }
}
