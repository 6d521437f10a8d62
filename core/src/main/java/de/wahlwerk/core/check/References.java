package de.wahlwerk.core.check;

import de.wahlwerk.core.model.Counts;

/** Which reference counts the context offers. */
final class References {

    private References() {}

    static Counts previous(ReportInput in) {
        return in.context().previous();
    }

    /** The current totals, once enough reports are confirmed for an average to mean something. */
    static Counts average(ReportInput in) {
        MunicipalTotals t = in.context().average();
        return t == null || t.reports() < in.thresholds().minReportsForAverage() ? null : t.sum();
    }

    /** The best estimate of what this unit should look like: its previous result, else the average. */
    static Counts expected(ReportInput in) {
        Counts p = previous(in);
        return p != null ? p : average(in);
    }
}
