package de.wahlwerk.server.audit;

import java.time.Instant;

/** One row of the audit log. */
public record AuditEntry(long id, Instant at, String actor, String action, String entity, String entityId,
        String beforeJson, String afterJson, String prevHash, String hash) {}
