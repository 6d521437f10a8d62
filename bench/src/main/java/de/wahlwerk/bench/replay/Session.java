package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One signed-in staff member against a Wahlwerk node, as any API client would be: session cookie
 * from the login form, CSRF token from a page, JSON in and out. Redirects are not followed.
 */
final class Session {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** A response, or {@code status == -1} when the node did not answer (refused, reset, timed out). */
    record Answer(int status, String body, Map<String, java.util.List<String>> headers) {
        boolean unreachable() {
            return status < 0;
        }

        String location() {
            var l = headers.get("location");
            return l == null || l.isEmpty() ? "" : l.get(0);
        }
    }

    private volatile String base;
    private final HttpClient client;
    private volatile String csrf;
    private String username;
    private String password;
    private String totpSecret;

    Session(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    String base() {
        return base;
    }

    Answer get(String path) {
        Answer a = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build());
        Matcher m = CSRF.matcher(a.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return a;
    }

    Answer form(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer json(String method, String path, String json, Map<String, String> headers) {
        return json(method, path, json, headers, Duration.ofSeconds(60));
    }

    /** As above with a longer wait, for set-up requests that carry thousands of records at once. */
    Answer json(String method, String path, String json, Map<String, String> headers, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    /** Uploads a file as multipart/form-data (JSON answer). */
    Answer upload(String path, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----replay" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.forEach((k, v) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (csrf != null) {
            b.header("X-CSRF-TOKEN", csrf);
        }
        return send(b.build());
    }

    /** Signs in through the login form (code only where a second factor is set up). */
    boolean login(String username, String password, String totpSecret) {
        this.username = username;
        this.password = password;
        this.totpSecret = totpSecret;
        return relogin();
    }

    /** Signs in again with the same credentials (after a node restart the session is gone). */
    boolean relogin() {
        Answer page = get("/login");
        if (page.unreachable()) {
            return false;
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("username", username);
        f.put("password", password);
        if (totpSecret != null) {
            f.put("code", Totp.code(totpSecret));
        }
        Answer r = form("/login", f);
        if (r.unreachable() || !r.location().endsWith("/admin")) {
            return false;
        }
        return !get("/admin").unreachable();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            return new Answer(-1, String.valueOf(e), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, "interrupted", Map.of());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
