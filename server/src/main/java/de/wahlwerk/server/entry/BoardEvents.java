package de.wahlwerk.server.entry;

import de.wahlwerk.server.web.LiveChannels;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for open status boards: after a report change commits, every board of that
 * election is told to refresh. Boards without JavaScript simply reload by hand.
 */
@Component
class BoardEvents {

    private final LiveChannels channels = new LiveChannels("report");

    SseEmitter subscribe(long electionId) {
        return channels.subscribe(electionId);
    }

    @TransactionalEventListener
    void changed(ReportChanged event) {
        channels.announce(event.electionId(), Long.toString(event.unitId()));
    }

    /** Open streams end at shutdown instead of holding it up (see {@link LiveChannels#completeAll}). */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeStreams() {
        channels.completeAll();
    }
}
