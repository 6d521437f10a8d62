package de.wahlwerk.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time links: the first-administrator setup link printed at start, and invitations for new
 * staff. Tokens carry 256 random bits; only their SHA-256 is stored, so a copy of the database
 * does not reveal a usable link.
 */
@Component
class SetupTokens {

    /** A token that is still valid: for whom (null = first administrator). */
    record Valid(String hash, Long userId) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;

    SetupTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String issue(Long userId, Duration validity) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into setup_token (token_hash, user_id, expires_at) values (:h, :u, :e)")
                .param("h", hash(token)).param("u", userId).param("e", Timestamp.from(Instant.now().plus(validity)))
                .update();
        return token;
    }

    /** Withdraws all open first-administrator links, so that only the newest printed one works. */
    void revokeFirstAdminLinks() {
        jdbc.sql("update setup_token set used_at = current_timestamp where user_id is null and used_at is null").update();
    }

    Optional<Valid> find(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select token_hash, user_id from setup_token
                where token_hash = :h and used_at is null and expires_at > current_timestamp""")
                .param("h", hash(token))
                .query((rs, i) -> {
                    String hash = rs.getString(1);
                    long u = rs.getLong(2);
                    return new Valid(hash, rs.wasNull() ? null : u);
                }).optional();
    }

    /** Marks the token used; false if someone else used it first (two tabs, replay). */
    boolean consume(Valid token) {
        return jdbc.sql("update setup_token set used_at = current_timestamp where token_hash = :h and used_at is null")
                .param("h", token.hash()).update() == 1;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
