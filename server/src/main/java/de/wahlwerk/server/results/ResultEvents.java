package de.wahlwerk.server.results;

import de.wahlwerk.server.web.LiveChannels;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events for open results pages: "the numbers of this election changed". */
@Component
class ResultEvents {

    private final LiveChannels channels = new LiveChannels("results");

    SseEmitter subscribe(long electionId) {
        return channels.subscribe(electionId);
    }

    void changed(long electionId) {
        channels.announce(electionId, Long.toString(electionId));
    }

    void changedAll() {
        channels.keys().forEach(this::changed);
    }

    /** Open streams end at shutdown instead of holding it up (see {@link LiveChannels#completeAll}). */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeStreams() {
        channels.completeAll();
    }
}
