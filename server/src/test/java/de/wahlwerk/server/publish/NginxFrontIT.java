package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped nginx configuration ({@code ops/nginx/wahlwerk.conf}) in front of the running app:
 * public pages come from the snapshot with gzip_static, ETag/304, CORS and the app's caching
 * headers; what is not published falls through to the app's explanatory 404; the event-stream
 * path and everything else reach the app. Skipped without nginx, unless
 * WAHLWERK_NGINX_REQUIRED=true (CI), where a missing nginx fails.
 */
class NginxFrontIT extends IntegrationTest {

    @Autowired
    Snapshots snapshots;

    @TempDir
    Path tmp;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void nginxServesTheSnapshotAndPassesTheRestToTheApp() throws Exception {
        Path nginx = Stream.of("/usr/sbin/nginx", "/usr/bin/nginx").map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (nginx == null) {
            if ("true".equals(System.getenv("WAHLWERK_NGINX_REQUIRED"))) {
                throw new AssertionError("nginx not found but WAHLWERK_NGINX_REQUIRED=true (Debian: apt-get install nginx-light)");
            }
            Assumptions.abort("nginx not installed: NginxFrontIT skipped (Debian: nginx-light; CI sets WAHLWERK_NGINX_REQUIRED=true)");
        }
        long election = demoElection();
        String page = "/wahlen/" + election + "/admin/" + DemoElection.AGS + ".html";
        for (int i = 0; i < 300 && !Files.isRegularFile(snapshots.current().resolve(page.substring(1))); i++) {
            Thread.sleep(100);
        }
        int listen;
        try (ServerSocket s = new ServerSocket(0)) {
            listen = s.getLocalPort();
        }
        Path repo = Path.of("..").toAbsolutePath().normalize();
        String site = Files.readString(repo.resolve("ops/nginx/wahlwerk.conf"))
                .replace("server 127.0.0.1:8080;", "server 127.0.0.1:" + port + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + listen + ";")
                .replace("root /var/lib/wahlwerk/public/current;", "root " + snapshots.current().toAbsolutePath() + ";");
        Files.writeString(tmp.resolve("site.conf"), site);
        Files.writeString(tmp.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                user root;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 256; }
                http {
                  access_log off;
                  sendfile on;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  include %1$s/site.conf;
                }
                """.formatted(tmp));
        Process p = new ProcessBuilder(nginx.toString(), "-p", tmp.toString(), "-c", tmp.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("out.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + listen;
            HttpResponse<byte[]> viaNginx = null;
            for (int i = 0; i < 100; i++) {
                try {
                    viaNginx = client.send(HttpRequest.newBuilder(URI.create(base + page)).header("Accept-Encoding", "gzip").build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    break;
                } catch (java.io.IOException notYet) {
                    assertThat(p.isAlive()).as("nginx running: " + Files.readString(tmp.resolve("out.log"))).isTrue();
                    Thread.sleep(100);
                }
            }
            assertThat(viaNginx).isNotNull();
            assertThat(viaNginx.statusCode()).isEqualTo(200);
            assertThat(viaNginx.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(viaNginx.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(viaNginx.headers().firstValue("Cache-Control")).hasValue(PublishedPage.CACHE_CONTROL);
            assertThat(viaNginx.headers().allValues("Vary").toString()).contains("Accept-Encoding");
            // The very bytes of the snapshot's .gz file.
            byte[] gz = Files.readAllBytes(snapshots.current().resolve(page.substring(1) + ".gz"));
            byte[] again = client.send(HttpRequest.newBuilder(URI.create(base + page)).header("Accept-Encoding", "gzip").build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            assertThat(again).as("gzip_static serves the snapshot's .gz").isIn(gz, viaNginx.body());
            String etag = viaNginx.headers().firstValue("ETag").orElseThrow();
            var notModified = client.send(HttpRequest.newBuilder(URI.create(base + page)).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(notModified.statusCode()).isIn(200, 304); // 200 only if a new generation came in between
            var plain = client.send(HttpRequest.newBuilder(URI.create(base + page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.body()).contains("Bezirken");
            var json = client.send(HttpRequest.newBuilder(URI.create(base + page.replace(".html", ".json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(json.body()).contains("\"unitsExpected\"");
            // The signed manifest is public too.
            var sums = client.send(HttpRequest.newBuilder(URI.create(base + "/wahlen/" + election + "/SHA256SUMS")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(sums.statusCode()).isEqualTo(200);
            assertThat(sums.body()).contains("  admin/" + DemoElection.AGS + ".html");
            // Not published: the app's explanatory page, with its 404.
            var missing = client.send(HttpRequest.newBuilder(URI.create(base + "/wahlen/999999999/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.body()).contains("erst nach Schluss der Wahlhandlung");
            // The event-stream path and the staff pages are the app's.
            var events = client.send(HttpRequest.newBuilder(URI.create(base + "/wahlen-live/" + election))
                    .timeout(java.time.Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (var stream = events.body()) {
                assertThat(events.statusCode()).isEqualTo(200);
                assertThat(events.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                assertThat(events.headers().firstValue("X-Accel-Buffering")).hasValue("no");
            }
            // Only the widget may be framed by other sites.
            assertThat(plain.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
            var widget = client.send(HttpRequest.newBuilder(URI.create(base + "/wahlen/" + election + "/widget/admin/"
                    + DemoElection.AGS + ".html")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(widget.statusCode()).isEqualTo(200);
            assertThat(widget.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors *");
            var login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("<form");
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private long demoElection() {
        long day = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME).query(Long.class).single();
        return jdbc.sql("select id from election where election_day_id = :d and name = 'Bundestagswahl 2025'")
                .param("d", day).query(Long.class).single();
    }
}
