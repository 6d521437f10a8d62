package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.support.DemoReports;
import de.wahlwerk.server.support.IntegrationTest;
import de.wahlwerk.server.support.Responses;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public site's answer to what a crawler, a scanner or a broken link sends. */
class PublicOddRequestsIT extends IntegrationTest {

    @Autowired
    PublicListener listener;

    /**
     * The public site, on the lean listener and on the main port alike, answers odd addresses and
     * headers (sent as raw bytes: a client library refuses to send most of them) without a server
     * error and without showing anything of its inside.
     */
    @Test
    void thePublicSiteAnswersOddAddressesWithoutAServerError() throws Exception {
        long demo = new DemoReports(jdbc).electionId();
        String page = "/wahlen/" + demo + "/admin/" + de.wahlwerk.server.setup.DemoElection.AGS;
        List<String> targets = List.of("/wahlen/", "/wahlen/%00", "/wahlen/%zz", "/wahlen/../../etc/passwd",
                "/wahlen/" + demo + "/admin/%2e%2e/%2e%2e/etc/passwd", page + "x".repeat(6_000) + ".json",
                "/wahlen/99999999999999999999/admin/1.json", "/wahlen/abc/admin/1.html", page + ".json?" + "a=%ff&".repeat(50),
                page + ".html#frag", page + ".json%00.html", "/wahlen-live/abc", "/wahlen-live/99999999999999999999",
                "http://elsewhere.example" + page + ".json", "*", "wahlen");
        List<String> headers = List.of("", "If-None-Match: \"" + "x".repeat(500) + "\"\r\n", "Accept-Encoding: gzip;q=abc, *;q=-1\r\n",
                "Range: bytes=99999999999999999999-\r\n", "If-Modified-Since: gestern\r\n", "Accept-Language: ??\r\n");
        List<String> failures = new ArrayList<>();
        int asked = 0;
        for (int p : new int[] {listener.port(), port}) {
            for (String target : targets) {
                for (String header : headers) {
                    String answer = raw(p, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + header + "Connection: close\r\n\r\n");
                    asked++;
                    Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(answer);
                    String what = "port " + (p == port ? "main" : "public") + " GET " + Responses.oneLine(target) + " " + header.strip();
                    if (!status.find()) {
                        failures.add(what + ": no status line: " + Responses.oneLine(answer));
                    } else if (Integer.parseInt(status.group(1)) >= 500) {
                        failures.add(what + ": " + status.group(1) + " " + Responses.oneLine(answer));
                    } else if (Responses.INSIDE.matcher(answer).find()) {
                        failures.add(what + ": shows " + Responses.oneLine(answer));
                    }
                }
            }
        }
        assertThat(asked).isGreaterThan(150);
        assertThat(failures).isEmpty();
    }

    /** Sends bytes as they are and reads the answer until the server closes (at most 10 s). */
    private static String raw(int port, String request) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            var out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = s.getInputStream().read(buf)) > 0 && out.size() < 2_000_000;) {
                    out.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what came until then is the answer
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

}
