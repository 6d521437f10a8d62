package de.wahlwerk.server.results;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Server-sent events for open results pages: "the numbers of this election changed". */
@Component
class ResultEvents {

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

    void changed(long electionId) {
        for (SseEmitter e : emitters.getOrDefault(electionId, List.of())) {
            try {
                e.send(SseEmitter.event().name("results").data(Long.toString(electionId)));
            } catch (IOException | IllegalStateException ex) {
                e.completeWithError(ex);
            }
        }
    }

    void changedAll() {
        emitters.keySet().forEach(this::changed);
    }
}
