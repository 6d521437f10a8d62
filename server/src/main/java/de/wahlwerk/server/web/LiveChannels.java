package de.wahlwerk.server.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent event channels keyed by election: pages subscribe, features announce changes. An
 * idle subscription ends after an hour; the browser's EventSource reconnects by itself.
 */
public class LiveChannels {

    private static final long TIMEOUT_MS = 60 * 60 * 1000L;

    private final String eventName;
    private final Map<Long, List<SseEmitter>> emitters = new ConcurrentHashMap<>();

    public LiveChannels(String eventName) {
        this.eventName = eventName;
    }

    public SseEmitter subscribe(long key) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        List<SseEmitter> list = emitters.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        emitter.onCompletion(() -> list.remove(emitter));
        emitter.onTimeout(() -> list.remove(emitter));
        emitter.onError(e -> list.remove(emitter));
        try {
            // Sent at once, so that the response head leaves now (proxies and clients see the
            // stream open) and browsers wait a few seconds before reconnecting after a restart.
            emitter.send(SseEmitter.event().reconnectTime(5000).comment("open"));
        } catch (IOException e) {
            list.remove(emitter);
        }
        return emitter;
    }

    public void announce(long key, String data) {
        for (SseEmitter e : emitters.getOrDefault(key, List.of())) {
            try {
                e.send(SseEmitter.event().name(eventName).data(data));
            } catch (IOException | IllegalStateException ex) {
                // The reader has gone (a closed tab, a phone out of reach): end the stream quietly.
                // With completeWithError the error went through the error handlers and was logged
                // as an unexpected error for every closed status board.
                emitters.getOrDefault(key, List.of()).remove(e);
                try {
                    e.complete();
                } catch (RuntimeException gone) {
                    // already completed
                }
            }
        }
    }

    /**
     * Ends every open stream: called when the application shuts down, so that a graceful shutdown
     * does not wait its full grace period for readers who would stay connected for an hour.
     * Browsers reconnect by themselves to whichever node is up.
     */
    public void completeAll() {
        for (List<SseEmitter> list : emitters.values()) {
            for (SseEmitter e : list) {
                try {
                    e.complete();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
            list.clear();
        }
    }

    public Set<Long> keys() {
        return emitters.keySet();
    }
}
