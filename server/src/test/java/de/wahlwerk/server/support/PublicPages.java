package de.wahlwerk.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Predicate;

/**
 * The public pages of a node as a reader sees them. They follow a confirmation or a set-up change
 * within a few seconds, not at once (the numbers first, then the pages, ADR 0622): a test asks
 * again until the page is there, for at most {@value #SECONDS} s.
 */
public record PublicPages(int port) {

    static final int SECONDS = 10;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** The path's answer once it is 200, or the last answer after {@value #SECONDS} s. */
    public HttpResponse<String> await(String path) throws IOException, InterruptedException {
        return await(path, body -> true);
    }

    /** The path's answer once it is 200 and holds {@code text}; else the test fails with the last answer. */
    public HttpResponse<String> awaitContaining(String path, String text) throws IOException, InterruptedException {
        HttpResponse<String> r = await(path, body -> body.contains(text));
        assertThat(r.body()).as(path + " answered " + r.statusCode()).contains(text);
        return r;
    }

    private HttpResponse<String> await(String path, Predicate<String> until) throws IOException, InterruptedException {
        HttpResponse<String> r = null;
        for (long end = System.nanoTime() + SECONDS * 1_000_000_000L; ; Thread.sleep(100)) {
            r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && until.test(r.body()) || System.nanoTime() > end) {
                return r;
            }
        }
    }
}
