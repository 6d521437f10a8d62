package de.wahlwerk.server.entry;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for open status boards: after a report change commits, every board of that
 * election is told to refresh. Boards without JavaScript simply reload by hand.
 */
@Component
class BoardEvents {

    /** An idle board is closed after an hour; the browser's EventSource reconnects by itself. */
    private static final long TIMEOUT_MS = 60 * 60 * 1000L;

    private final Map<Long, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

    SseEmitter subscribe(long electionId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        List<SseEmitter> list = emitters.computeIfAbsent(electionId, id -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        return emitter;
    }

    @TransactionalEventListener
    void changed(ReportChanged event) {
        for (SseEmitter e : emitters.getOrDefault(event.electionId(), List.of())) {
            try {
                e.send(SseEmitter.event().name("report").data(Long.toString(event.unitId())));
            } catch (IOException | IllegalStateException ex) {
                e.completeWithError(ex);
            }
        }
    }
}
