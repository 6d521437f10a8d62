package de.wahlwerk.server.entry;

/**
 * Published after a report version was stored or decided, so that open status boards refresh.
 * {@code sequence}: the highest confirmation number the change took (0 when it confirmed nothing),
 * so that whoever made it can be shown results that include it (results.OwnConfirmations).
 */
public record ReportChanged(long electionId, long unitId, long sequence) {

    /** A change that confirmed nothing (an entry waiting for approval, a rejection). */
    public ReportChanged(long electionId, long unitId) {
        this(electionId, unitId, 0);
    }

    /**
     * The PostgreSQL channel on which every node hears of each confirmation at its commit (payload:
     * the confirmation number, sent by ReportStore.confirm in the confirming statement); nodes
     * catch up from the number they have applied (results.ReportNotifications).
     */
    public static final String CHANNEL = "wahlwerk_report";
}
