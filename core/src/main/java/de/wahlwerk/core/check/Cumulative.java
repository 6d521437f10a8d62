package de.wahlwerk.core.check;

import de.wahlwerk.core.model.VoteKind;
import java.util.List;

/** Shared reading of council-election reports: B ballots cast, C invalid ballots, D valid votes. */
final class Cumulative {

    private Cumulative() {}

    static boolean applies(ReportInput in) {
        return in.voteKinds().contains(VoteKind.CUMULATIVE);
    }

    /** Valid ballots B − C, or null when B or C is unusable or C > B (E012's finding). */
    static Long validBallots(Sheet sheet) {
        List<Long> v = sheet.usable(List.of("B", "C"));
        if (v == null || v.get(1) > v.get(0)) {
            return null;
        }
        return v.get(0) - v.get(1);
    }
}
