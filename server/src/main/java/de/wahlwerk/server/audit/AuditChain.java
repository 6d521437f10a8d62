package de.wahlwerk.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over the previous entry's hash and this entry's fields,
 * each length-prefixed so that no two different entries can produce the same input.
 */
public final class AuditChain {

    /** The "previous hash" of the very first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String hash(AuditEntry e) {
        StringBuilder sb = new StringBuilder();
        field(sb, e.prevHash());
        field(sb, Long.toString(e.id()));
        field(sb, e.at().toString());
        field(sb, e.actor());
        field(sb, e.action());
        field(sb, e.entity());
        field(sb, e.entityId());
        field(sb, e.beforeJson());
        field(sb, e.afterJson());
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e1);
        }
    }

    private static void field(StringBuilder sb, String value) {
        if (value == null) {
            sb.append("-1:");
        } else {
            sb.append(value.length()).append(':').append(value);
        }
        sb.append('|');
    }
}
