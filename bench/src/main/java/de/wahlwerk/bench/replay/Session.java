package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One signed-in staff member against a Wahlwerk node, as any API client would be: session cookie
 * from the login form, CSRF token from a page, JSON in and out. Redirects are not followed, and a
 * request is never sent again by the client on its own: the replay decides (with the same
 * idempotency key).
 * <p>
 * Blocking HTTP/1.1 over a pool of kept-alive connections, on the caller's thread. The JDK's
 * HttpClient passes every request between the caller, its selector and its worker threads; in
 * the replay that cost the client more CPU than the node's page thread, on the same two cores
 * (docs/PERFORMANCE.md, session 15). Several replay threads share one staff member's session.
 */
final class Session {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** A response, or {@code status == -1} when the node did not answer (refused, reset, timed out). */
    record Answer(int status, String body, Map<String, List<String>> headers) {
        boolean unreachable() {
            return status < 0;
        }

        String location() {
            var l = headers.get("location");
            return l == null || l.isEmpty() ? "" : l.get(0);
        }
    }

    /** More than the replay's threads that share one session, so none waits for a connection. */
    private static final int CONNECTIONS = 256;

    private volatile String base;
    private final CloseableHttpClient client;
    private volatile String csrf;
    private String username;
    private String password;
    private String totpSecret;

    Session(String base) {
        this.base = base;
        this.client = HttpClients.custom().setDefaultCookieStore(new BasicCookieStore())
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS)
                        // A killed node leaves dead connections in the pool: check one idle for a second before use.
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1)).build())
                        .build())
                .disableRedirectHandling().disableAutomaticRetries().build();
    }

    String base() {
        return base;
    }

    Answer get(String path) {
        Answer a = send(request("GET", path, Duration.ofSeconds(30)));
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
        HttpUriRequestBase r = request("POST", path, Duration.ofSeconds(30));
        r.setEntity(new StringEntity(body, ContentType.APPLICATION_FORM_URLENCODED));
        return send(r);
    }

    Answer json(String method, String path, String json, Map<String, String> headers) {
        return json(method, path, json, headers, Duration.ofSeconds(60));
    }

    /** As above with a longer wait, for set-up requests that carry thousands of records at once. */
    Answer json(String method, String path, String json, Map<String, String> headers, Duration timeout) {
        HttpUriRequestBase r = request(method, path, timeout);
        r.setHeader("Accept", "application/json");
        if (json != null) {
            r.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        if (csrf != null) {
            r.setHeader("X-CSRF-TOKEN", csrf);
        }
        headers.forEach(r::setHeader);
        return send(r);
    }

    /** A public document, asked with the ETag of the last answer (304 while unchanged); no cookie or token needed. */
    Answer conditional(String path, String etag, Duration timeout) {
        HttpUriRequestBase r = request("GET", path, timeout);
        if (etag != null) {
            r.setHeader("If-None-Match", etag);
        }
        return send(r);
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
        HttpUriRequestBase r = request("POST", path, Duration.ofMinutes(5));
        r.setHeader("Accept", "application/json");
        r.setEntity(new ByteArrayEntity(out.toByteArray(), ContentType.create("multipart/form-data").withParameters(
                new org.apache.hc.core5.http.message.BasicNameValuePair("boundary", boundary))));
        if (csrf != null) {
            r.setHeader("X-CSRF-TOKEN", csrf);
        }
        return send(r);
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

    private HttpUriRequestBase request(String method, String path, Duration timeout) {
        HttpUriRequestBase r = new HttpUriRequestBase(method, URI.create(base + path));
        r.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeout)).build());
        return r;
    }

    private Answer send(HttpUriRequestBase request) {
        try {
            return client.execute(request, r -> {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (Header h : r.getHeaders()) {
                    headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(h.getValue());
                }
                String body = r.getEntity() == null ? "" : EntityUtils.toString(r.getEntity(), StandardCharsets.UTF_8);
                return new Answer(r.getCode(), body, headers);
            });
        } catch (IOException e) {
            return new Answer(-1, String.valueOf(e), Map.of());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
