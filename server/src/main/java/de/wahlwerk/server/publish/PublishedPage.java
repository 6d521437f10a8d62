package de.wahlwerk.server.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A public page as ready bytes: plain and gzip-compressed, with its ETag. Rendering and
 * compression happen once per change, never per request.
 */
record PublishedPage(byte[] body, byte[] gzip, String etag, String contentType, Instant lastModified,
        String lastModifiedHeader) {

    PublishedPage(byte[] body, byte[] gzip, String etag, String contentType, Instant lastModified) {
        // Formatted once here, not on every request.
        this(body, gzip, etag, contentType, lastModified, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(lastModified.atOffset(java.time.ZoneOffset.UTC)));
    }

    static PublishedPage of(String text, String contentType) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new PublishedPage(body, gzip(body), "\"" + hash(body) + "\"", contentType, Instant.now());
    }

    /** Keeps the old page (and its ETag and date) when the new one has the same bytes. */
    PublishedPage replacedBy(PublishedPage next) {
        return etag.equals(next.etag) ? this : next;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
