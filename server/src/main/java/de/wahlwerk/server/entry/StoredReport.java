package de.wahlwerk.server.entry;

import java.time.Instant;
import java.util.Map;

/** One stored version of a unit's quick report. */
public record StoredReport(long id, long electionId, long unitId, String kind, ReportStatus status,
        Map<String, Long> values, String channel, String enteredBy, Instant enteredAt, String decidedBy,
        Instant decidedAt, String reason, Long confirmedSeq, Map<String, String> warningReasons) {}
