package de.wahlwerk.server.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** Builds multipart/form-data uploads as a browser sends them. */
public final class Multipart {

    private Multipart() {}

    /** A multipart body and the content type that names its boundary. */
    public record Body(String contentType, byte[] bytes) {}

    public static HttpRequest upload(String url, String csrf, Map<String, String> fields, String fileField,
            String fileName, byte[] content, boolean json) {
        Body body = body(csrf, fields, fileField, fileName, content);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (json) {
            b.header("Accept", "application/json");
            if (csrf != null) {
                b.header("X-CSRF-TOKEN", csrf);
            }
        }
        return b.build();
    }

    /** The form's fields (with the CSRF token, if given) and one file, as a browser encodes them. */
    public static Body body(String csrf, Map<String, String> fields, String fileField, String fileName, byte[] content) {
        String boundary = "----wahlwerk" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> all = new java.util.LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        all.forEach((k, v) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                + "\"\r\n\r\n" + v + "\r\n"));
        write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        out.writeBytes(content);
        write(out, "\r\n--" + boundary + "--\r\n");
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
