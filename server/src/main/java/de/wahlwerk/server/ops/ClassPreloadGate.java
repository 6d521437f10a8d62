package de.wahlwerk.server.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Holds the start until the classes of {@link ClassPreload} are loaded. It runs after every bean
 * is created and before the web server opens its port (which Spring does when it starts the
 * context's lifecycle), so the first request finds them loaded.
 */
@Component
class ClassPreloadGate implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClassPreloadGate.class);

    @Override
    public void afterSingletonsInstantiated() {
        try {
            long begin = System.nanoTime();
            ClassPreload.Result done = ClassPreload.awaitDone();
            if (done != null) {
                log.info("Preloaded {} classes in {} ms ({} of the list not found); waited {} ms for them",
                        done.loaded(), done.millis(), done.missing(), (System.nanoTime() - begin) / 1_000_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
