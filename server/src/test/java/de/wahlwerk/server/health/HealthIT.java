package de.wahlwerk.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.results.LiveTallies;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load balancer's health check: up with the number of the last confirmation and how far this
 * node's tallies are behind it, down within its time limit when the database cannot be reached.
 */
class HealthIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    LiveTallies tallies;

    @Test
    void aNodeThatReachesItsDatabaseIsUpAndSaysHowFarItsTalliesAreBehind() throws Exception {
        long committed = jdbc.sql("select value from report_sequence where id = 1").query(Long.class).single();

        HttpResponse<String> r = session().get("/health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("database").asString()).isEqualTo("UP");
        assertThat(body.get("confirmationsCommitted").asLong()).isGreaterThanOrEqualTo(committed);
        assertThat(body.get("confirmationsBehind").asLong()).isBetween(0L, body.get("confirmationsCommitted").asLong());
    }

    /**
     * A database host that takes the connection and never answers: the check gives up after its
     * time limit, and checks that come meanwhile share the one that waits instead of opening
     * connections of their own.
     */
    @Test
    void aNodeWhoseDatabaseDoesNotAnswerIsDownWithinTheTimeLimit() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
            java.util.List<java.net.Socket> open = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        open.add(silent.accept());
                        connections.incrementAndGet();
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            HealthController health = healthAgainst(silent.getLocalPort());
            long started = System.nanoTime();
            var answers = java.util.stream.IntStream.range(0, 5)
                    .mapToObj(i -> java.util.concurrent.CompletableFuture.supplyAsync(health::health, Thread::startVirtualThread))
                    .toList();
            for (var a : answers) {
                ResponseEntity<Map<String, Object>> answer = a.get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertDown(answer);
                assertThat(answer.getBody().get("reason").toString()).contains("no answer within");
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(tookMillis).isBetween(HealthController.TIMEOUT_MILLIS, HealthController.TIMEOUT_MILLIS + 1_000);
            assertThat(connections.get()).as("connections opened by five checks at once").isEqualTo(1);
            for (java.net.Socket s : open) {
                s.close();
            }
        }
    }

    @Test
    void aNodeWhoseDatabaseRefusesTheConnectionIsDown() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nobody listens there once the socket is closed
        }
        ResponseEntity<Map<String, Object>> answer = healthAgainst(closed).health();
        assertDown(answer);
        assertThat(answer.getBody().get("reason").toString()).doesNotContain("no answer within");
    }

    private HealthController healthAgainst(int port) {
        var database = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + port + "/wahlwerk?connectTimeout=60&socketTimeout=60",
                "postgres", "");
        return new HealthController(() -> {
            try (var c = database.getConnection()) {
                return 0L; // not reached: the database never answers or refuses
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }, tallies);
    }

    private static void assertDown(ResponseEntity<Map<String, Object>> answer) {
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(answer.getBody()).containsEntry("status", "DOWN").containsEntry("database", "DOWN");
    }
}
