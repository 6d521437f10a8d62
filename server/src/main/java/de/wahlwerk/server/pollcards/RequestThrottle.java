package de.wahlwerk.server.pollcards;

import de.wahlwerk.server.web.ClientKey;
import de.wahlwerk.server.web.RateLimiter;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Public polling-card requests are limited per client address (every submission counts, valid or
 * not; IPv6 by its /64, see {@link ClientKey}): {@code wahlwerk.pollcards.requests-per-hour}
 * (default 20) in a sliding hour, checked and counted in one step. That is plenty
 * for a household and makes trying notice numbers or dates of birth in bulk pointless. Behind a
 * reverse proxy, the proxy must pass the client address (server.forward-headers-strategy).
 */
@Component
class RequestThrottle {

    static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimiter seen;

    RequestThrottle(@Value("${wahlwerk.pollcards.requests-per-hour:20}") int limit) {
        this.seen = new RateLimiter(limit, WINDOW);
    }

    /** Counts a submission; false when the address has used up its hour (nothing is counted then). */
    boolean admit(String address) {
        return seen.tryAcquire(ClientKey.of(address));
    }

    /** Seconds until the address may try again. */
    long retryAfter(String address) {
        return seen.retryAfterSeconds(ClientKey.of(address));
    }

    int limit() {
        return seen.limit();
    }

    void clear() {
        seen.clear();
    }
}
