package de.wahlwerk.server.pollworkers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The personal portal link of an appointment: 256 random bits, base64url, of which only the
 * SHA-256 is stored (a database copy opens no portal). It expires at the end of the day after the
 * election, when nothing is left to accept or decline.
 */
final class PortalTokens {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PortalTokens() {}

    static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Instant expiry(LocalDate electionDate) {
        return electionDate.plusDays(2).atStartOfDay(ZONE).toInstant();
    }

    /** Only well-formed tokens reach the database. */
    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }
}
