package de.wahlwerk.server.setup;

import de.wahlwerk.server.ops.WahlwerkProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Loads the Musterstadt demo on start when asked ({@code ./wahlwerk start --demo}). */
@Component
class DemoStartup {

    private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

    private final DemoElection demo;
    private final WahlwerkProperties properties;

    DemoStartup(DemoElection demo, WahlwerkProperties properties) {
        this.demo = demo;
        this.properties = properties;
    }

    @EventListener
    void started(ApplicationStartedEvent event) {
        if (properties.demo() && properties.command().isEmpty()) {
            boolean fresh = !demo.loaded();
            long id = demo.load();
            log.info(fresh ? "Demo election Musterstadt loaded (election day {})" : "Demo election Musterstadt present (election day {})", id);
        }
    }
}
