package de.wahlwerk.server.health;

import de.wahlwerk.server.results.LiveTallies;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health} for the load balancer in front of the nodes and for monitoring: 200 while
 * the node reaches its database, 503 with {@code Retry-After} when it does not, within
 * {@link #TIMEOUT_MILLIS} either way. A load balancer that waited for the connection pool's own
 * timeout (30 s) would give up on the node without knowing why. It also tells how far this node's
 * tallies are behind the confirmations committed, so that two sites' nodes can be compared on
 * election night. Open to anyone, like the sign-in page: it shows no names and no votes.
 */
@RestController
class HealthController {

    static final long TIMEOUT_MILLIS = 2_000;

    private final java.util.function.LongSupplier lastConfirmation;
    private final LiveTallies tallies;
    /** One database check at a time: checks that come while one waits share its answer. */
    private final AtomicReference<CompletableFuture<Long>> check = new AtomicReference<>();

    @org.springframework.beans.factory.annotation.Autowired
    HealthController(de.wahlwerk.server.entry.ConfirmedReports confirmed, LiveTallies tallies) {
        this(confirmed::latestSequence, tallies);
    }

    /** With the number of the last committed confirmation asked some other way (tests: an unreachable database). */
    HealthController(java.util.function.LongSupplier lastConfirmation, LiveTallies tallies) {
        this.lastConfirmation = lastConfirmation;
        this.tallies = tallies;
    }

    @GetMapping(value = de.wahlwerk.server.web.RequestConcurrencyFilter.HEALTH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> health() {
        CompletableFuture<Long> running = check.get();
        if (running == null || running.isDone()) {
            CompletableFuture<Long> fresh = new CompletableFuture<>();
            if (check.compareAndSet(running, fresh)) {
                Thread.startVirtualThread(() -> {
                    try {
                        fresh.complete(lastConfirmation.getAsLong());
                    } catch (RuntimeException e) {
                        fresh.completeExceptionally(e);
                    }
                });
                running = fresh;
            } else {
                running = check.get();
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long committed = running.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            long applied = tallies.appliedUpTo(committed);
            body.put("status", "UP");
            body.put("database", "UP");
            body.put("confirmationsCommitted", committed);
            body.put("confirmationsBehind", Math.max(0, committed - applied));
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
        } catch (TimeoutException | ExecutionException e) {
            body.put("status", "DOWN");
            body.put("database", "DOWN");
            body.put("reason", e instanceof TimeoutException ? "no answer within " + TIMEOUT_MILLIS + " ms"
                    : String.valueOf(e.getCause().getClass().getSimpleName()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                    .cacheControl(CacheControl.noStore()).body(body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("status", "DOWN"));
        }
    }
}
