package de.wahlwerk.server.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A public page as ready bytes: plain and gzip-compressed, with its ETag, its SHA-256 hashes for
 * the signed manifest, and even the HTTP header block of each answer preassembled. Rendering,
 * compression, hashing and header formatting happen once per change, never per request.
 */
final class PublishedPage {

    /** Kept short so browsers and CDNs revalidate soon on election night; stale copies bridge an outage. */
    static final String CACHE_CONTROL = "public, max-age=5, must-revalidate, stale-if-error=86400";
    /** IMF-fixdate of RFC 9110 §5.6.7 (two-digit day, unlike RFC_1123_DATE_TIME). */
    static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Only the widget may be framed by other sites (local media embed it). */
    static final String CSP_FRAMABLE = CSP.replace("frame-ancestors 'none'", "frame-ancestors *");

    private final byte[] body;
    private final byte[] gzip;
    private final String etag;
    private final String contentType;
    private final int status;
    private final boolean framable;
    private final Instant lastModified;
    private final String lastModifiedHeader;
    private final String sha256;
    private final String sha256Gzip;
    private final List<String[]> headers;
    private final byte[] headGzip;
    private final byte[] headPlain;
    private final byte[] headNotModified;

    private PublishedPage(byte[] body, byte[] gzip, String contentType, int status, Instant lastModified, boolean framable) {
        this.framable = framable;
        this.body = body;
        this.gzip = gzip;
        this.contentType = contentType;
        this.status = status;
        this.lastModified = lastModified;
        byte[] digest = sha256(body);
        this.sha256 = HexFormat.of().formatHex(digest);
        this.sha256Gzip = HexFormat.of().formatHex(sha256(gzip));
        this.etag = "\"" + sha256.substring(0, 32) + "\"";
        this.lastModifiedHeader = HTTP_DATE.format(lastModified);
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"ETag", etag});
        h.add(new String[] {"Last-Modified", lastModifiedHeader});
        h.add(new String[] {"Cache-Control", status == 200 ? CACHE_CONTROL : "no-cache"});
        h.add(new String[] {"Vary", "Accept-Encoding"});
        // Public data for anyone, also newsrooms' scripts on other origins (CORS); ETag readable there too.
        h.add(new String[] {"Access-Control-Allow-Origin", "*"});
        h.add(new String[] {"Access-Control-Expose-Headers", "ETag"});
        h.add(new String[] {"X-Content-Type-Options", "nosniff"});
        if (contentType.startsWith("text/html")) {
            h.add(new String[] {"Content-Security-Policy", framable ? CSP_FRAMABLE : CSP});
        }
        this.headers = List.copyOf(h);
        this.headGzip = head(status, true, gzip.length);
        this.headPlain = head(status, false, body.length);
        this.headNotModified = head(304, false, -1);
    }

    static PublishedPage of(String text, String contentType) {
        return of(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    static PublishedPage of(byte[] body, String contentType) {
        return new PublishedPage(body, gzip(body), contentType, 200, Instant.now(), false);
    }

    /** A page other sites may show in a frame: the widget for local media. */
    static PublishedPage framable(String text, String contentType) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new PublishedPage(body, gzip(body), contentType, 200, Instant.now(), true);
    }

    /** The same bytes answered with another status (the "not published yet" page: 404). */
    PublishedPage withStatus(int newStatus) {
        return new PublishedPage(body, gzip, contentType, newStatus, lastModified, framable);
    }

    /** Keeps the old page (and its ETag and date) when the new one has the same bytes. */
    PublishedPage replacedBy(PublishedPage next) {
        return etag.equals(next.etag) ? this : next;
    }

    byte[] body() {
        return body;
    }

    byte[] gzip() {
        return gzip;
    }

    String etag() {
        return etag;
    }

    String contentType() {
        return contentType;
    }

    int status() {
        return status;
    }

    Instant lastModified() {
        return lastModified;
    }

    String lastModifiedHeader() {
        return lastModifiedHeader;
    }

    /** Hex SHA-256 of the plain bytes (the manifest's entry for the file). */
    String sha256() {
        return sha256;
    }

    /** Hex SHA-256 of the gzip bytes (the manifest's entry for the {@code .gz} file). */
    String sha256Gzip() {
        return sha256Gzip;
    }

    /** Headers besides Content-Type/-Length/-Encoding, for the servlet path. */
    List<String[]> headers() {
        return headers;
    }

    /**
     * Whether a request's If-None-Match names this page's ETag (or "*"): a list of tags, weak
     * comparison as RFC 9110 §13.1.2 prescribes for it.
     */
    boolean matches(String ifNoneMatch) {
        return ifNoneMatch != null && status == 200 && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"));
    }

    /** Status line and headers of a full answer, without Date and the closing empty line. */
    byte[] head(boolean gzipped) {
        return gzipped ? headGzip : headPlain;
    }

    /** Status line and headers of a 304 answer, without Date and the closing empty line. */
    byte[] headNotModified() {
        return headNotModified;
    }

    private byte[] head(int code, boolean gzipped, int length) {
        StringBuilder s = new StringBuilder(512);
        s.append("HTTP/1.1 ").append(code).append(switch (code) {
            case 200 -> " OK";
            case 304 -> " Not Modified";
            case 404 -> " Not Found";
            default -> " Status";
        }).append("\r\n");
        if (code != 304) {
            s.append("Content-Type: ").append(contentType).append("\r\n");
            s.append("Content-Length: ").append(length).append("\r\n");
            if (gzipped) {
                s.append("Content-Encoding: gzip\r\n");
            }
        }
        for (String[] h : headers) {
            s.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * From this size on a body is compressed for speed, not size: the signed manifest and the
     * election-wide open-data files are built anew after each change on election night, and the
     * default level took 3.7 times as long for 12 % fewer bytes (a 2.0 MB results CSV,
     * {@code CompressionBenchmark}, docs/PERFORMANCE.md).
     * Pages, a few kilobytes each and read by the crowd, keep the default level.
     */
    static final int FAST_FROM_BYTES = 256 * 1024;

    private static byte[] gzip(byte[] body) {
        return Gzip.compress(body, body.length >= FAST_FROM_BYTES);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
