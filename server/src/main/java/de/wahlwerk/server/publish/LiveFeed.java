package de.wahlwerk.server.publish;

import de.wahlwerk.server.web.LiveChannels;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for the public pages: one event per publication of an election (not per
 * report, not per page), carrying only the publication's sequence number. A page's small script
 * then fetches its own pre-rendered bytes again; without JavaScript nothing depends on this.
 * Only elections that are published can be subscribed to, so unknown ids cannot fill memory.
 */
@RestController
class LiveFeed {

    /** Named where the staff requests' queue lets it pass (ADR 0011): one path, not two that must agree. */
    static final String PATH = de.wahlwerk.server.web.RequestConcurrencyFilter.PUBLIC_LIVE_FEED;

    private final LiveChannels channels = new LiveChannels("published");
    private final Snapshots snapshots;

    LiveFeed(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    @GetMapping(path = PATH + "{electionId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> subscribe(@PathVariable long electionId) {
        if (snapshots.get(PublicReadFilter.PREFIX + electionId + "/index.html") == null) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok().header("Cache-Control", "no-store").header("X-Accel-Buffering", "no")
                .body(channels.subscribe(electionId));
    }

    /** A reader who left: nothing to answer and nothing to log (thousands leave every evening). */
    @org.springframework.web.bind.annotation.ExceptionHandler(java.io.IOException.class)
    void readerLeft() {}

    /** Called once after every publication of an election. */
    void published(long electionId, long sequence) {
        channels.announce(electionId, Long.toString(sequence));
    }

    /** Open streams end at shutdown instead of holding it up (see {@link LiveChannels#completeAll}). */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeStreams() {
        channels.completeAll();
    }
}
