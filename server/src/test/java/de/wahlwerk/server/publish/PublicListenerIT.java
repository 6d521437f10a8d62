package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.IntegrationTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The lean public listener on its own port answers exactly like the servlet path: same bytes,
 * gzip, ETag and 304, CORS and caching headers, a Date; 404 page for what is not published, 405
 * for writes, HEAD without body, HTTP/1.0 closed after the answer, pipelined requests in order.
 */
class PublicListenerIT extends IntegrationTest {

    @Autowired
    PublicListener listener;

    @Autowired
    Snapshots snapshots;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void answersFromReadyBytesLikeTheMainPort() throws Exception {
        assertThat(listener.port()).isPositive();
        String base = "http://127.0.0.1:" + listener.port();
        String page = "/wahlen/" + demoElection() + "/admin/" + DemoElection.AGS + ".json";
        for (int i = 0; i < 300 && snapshots.get(page) == null; i++) {
            Thread.sleep(100);
        }
        var gz = client.send(HttpRequest.newBuilder(URI.create(base + page)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(gz.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(gz.headers().firstValue("Cache-Control")).hasValue(PublishedPage.CACHE_CONTROL);
        assertThat(gz.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(gz.headers().firstValue("Date")).isPresent();
        assertThat(gz.headers().firstValue("Last-Modified").orElse("")).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        String json;
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"unitsExpected\":80");
        String etag = gz.headers().firstValue("ETag").orElseThrow();
        PublishedPage now = snapshots.get(page);
        if (now.etag().equals(etag)) { // (unless the background publisher moved on in between)
            var viaMainPort = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json).isEqualTo(new String(now.body(), StandardCharsets.UTF_8));
            assertThat(viaMainPort.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).isIn(etag, snapshots.get(page).etag()));
            var notModified = client.send(HttpRequest.newBuilder(URI.create(base + page)).header("If-None-Match", "\"x\", " + etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notModified.statusCode()).isIn(304, 200);
        }
        var missing = client.send(HttpRequest.newBuilder(URI.create(base + "/wahlen/999999999/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("erst nach Schluss der Wahlhandlung");
        var post = client.send(HttpRequest.newBuilder(URI.create(base + page)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");

        // Raw: two pipelined requests (HEAD, then GET with HTTP/1.0) answered in order, then closed.
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("HEAD " + page + " HTTP/1.1\r\nHost: x\r\n\r\nGET " + page + "?x=1 HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8); // ends: closed after HTTP/1.0
            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n");
            int second = answer.indexOf("HTTP/1.1 200 OK", 10);
            assertThat(second).as("HEAD has no body, so the second answer follows its headers").isEqualTo(answer.indexOf("\r\n\r\n") + 4);
            assertThat(answer.substring(second)).contains("Connection: close\r\n").contains("\"unitsExpected\":80");
        }
    }

    private long demoElection() {
        long day = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME).query(Long.class).single();
        return jdbc.sql("select id from election where election_day_id = :d and name = 'Bundestagswahl 2025'")
                .param("d", day).query(Long.class).single();
    }

    /** Netty's sampling leak detector records a stack trace per sampled buffer; the listener runs without it (ADR 0620). */
    @Test
    void theListenerRunsWithoutNettysLeakDetector() {
        assertThat(System.getProperty("io.netty.leakDetection.level")).as("no operator's choice in this test JVM").isNull();
        assertThat(io.netty.util.ResourceLeakDetector.getLevel()).isEqualTo(io.netty.util.ResourceLeakDetector.Level.DISABLED);
    }

    @Test
    void answeringAllocatesAlmostNothingPerRequest() throws Exception {
        String page = "/wahlen/" + demoElection() + "/admin/" + DemoElection.AGS + ".json";
        for (int i = 0; i < 300 && snapshots.get(page) == null; i++) {
            Thread.sleep(100);
        }
        byte[] batch = ("HEAD " + page + " HTTP/1.1\r\nHost: wahlen.example\r\nAccept-Encoding: gzip, deflate, br\r\n"
                + "User-Agent: Mozilla/5.0\r\nIf-None-Match: \"0\"\r\n\r\n").repeat(100).getBytes(StandardCharsets.ISO_8859_1);
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (Socket s = new Socket("127.0.0.1", listener.port())) {
            s.setSoTimeout(10_000);
            for (int i = 0; i < 100; i++) { // warm-up
                roundTrip(s, batch, 100);
            }
            long before = allocatedByListener(threads);
            for (int i = 0; i < 200; i++) {
                roundTrip(s, batch, 100);
            }
            long perRequest = (allocatedByListener(threads) - before) / 20_000;
            // A general HTTP decoder took about 2,400 bytes per request; this one 30 with the jar's
            // manifest (docs/PERFORMANCE.md), here without it (the selector's key set) somewhat more.
            assertThat(perRequest).as("bytes allocated by the listener per request").isLessThan(100);
        }
    }

    /** Sends the batch and reads until as many answers (HEAD: headers only) have come. */
    private static void roundTrip(Socket s, byte[] batch, int answers) throws java.io.IOException {
        s.getOutputStream().write(batch);
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        int seen = 0, match = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (seen < answers) {
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("closed after " + seen + " answers");
            }
            match = b == end[match] ? match + 1 : (b == '\r' ? 1 : 0);
            if (match == 4) {
                seen++;
                match = 0;
            }
        }
    }

    private static long allocatedByListener(com.sun.management.ThreadMXBean threads) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("wahlwerk-public"))
                .mapToLong(t -> threads.getThreadAllocatedBytes(t.threadId())).sum();
    }
}
