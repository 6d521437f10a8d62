package de.wahlwerk.server.entry;

import java.util.Map;

/**
 * A quick report as it arrives, from any of the three ways in.
 *
 * @param rawValues        letter → text as typed (validated here, so every channel gets the same rules)
 * @param warningReasons   warning code → the reason the person gives for confirming it
 * @param correctionReason required when the unit already has a confirmed report
 * @param idempotencyKey   API clients send one so that a retried request never creates a second report
 */
public record Submission(long electionId, long unitId, Map<String, String> rawValues, Map<String, String> warningReasons,
        String correctionReason, Channel channel, String idempotencyKey) {

    public enum Channel { FORM, PHONE, API }

    public Submission {
        rawValues = rawValues == null ? Map.of() : Map.copyOf(rawValues);
        warningReasons = warningReasons == null ? Map.of() : Map.copyOf(warningReasons);
    }
}
