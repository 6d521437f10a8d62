package de.wahlwerk.server.entry;

/** Published after a report version was stored or decided, so that open status boards refresh. */
public record ReportChanged(long electionId, long unitId) {}
