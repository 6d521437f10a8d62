package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.wahlwerk.server.ops.ThreadNice;
import de.wahlwerk.server.support.IntegrationTest;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * ADR 0009: in the running node, the page thread and the open-data thread run at the configured
 * lower priority ({@code wahlwerk.background-nice}, set for all integration tests); the publish
 * thread, which puts the numbers into the JSON, and the snapshot writer, whose files nginx or a
 * CDN serve, keep the process's own.
 */
class BackgroundPriorityIT extends IntegrationTest {

    @Test
    void theBackgroundThreadsRunBelowTheThreadsThatServe() throws Exception {
        assumeTrue(ThreadNice.available(), "Linux only: nice values per thread are read from /proc");
        int own = ThreadNice.current(); // a request-independent thread of the same process: the test's
        for (String name : new String[] {"wahlwerk-pages", "wahlwerk-open-data"}) {
            assertThat(await(name)).as(name).isEqualTo(OptionalInt.of(BACKGROUND_NICE));
        }
        assertThat(await("wahlwerk-publish")).as("the publish thread").isEqualTo(OptionalInt.of(own));
        assertThat(await("wahlwerk-snapshot")).as("the snapshot writer").isEqualTo(OptionalInt.of(own));
        // The demo's public pages were rendered at start-up: the lowered threads did their work.
        assertThat(session().get("/wahlen/").statusCode()).isEqualTo(200);
    }

    /** The thread's nice value once it has started (the executors start theirs with the first task). */
    private static OptionalInt await(String name) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        OptionalInt nice = ThreadNice.ofThreadNamed(name);
        while (nice.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(100);
            nice = ThreadNice.ofThreadNamed(name);
        }
        return nice;
    }
}
