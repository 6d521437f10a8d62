package de.wahlwerk.server.entry;

/**
 * What happened to a submission.
 *
 * @param replay true when the idempotency key was seen before and the earlier result is returned
 */
public record SubmitResult(long reportId, ReportStatus status, boolean replay) {}
