package de.wahlwerk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    @Test
    void aBackgroundThreadRunsAtTheNiceValueItWasGivenAndItsCreatorDoesNot() throws Exception {
        assumeTrue(ThreadNice.available(), "Linux only: nice values per thread are read from /proc");
        int before = ThreadNice.current();
        int wanted = Math.min(19, before + 7);
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        Thread t = BackgroundThreads.named("nice-test", wanted).newThread(() -> {
            try {
                seen.complete(ThreadNice.current());
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
        assertThat(t.isDaemon()).isTrue();
        assertThat(t.getName()).isEqualTo("nice-test");
        t.start();
        assertThat(seen.get(10, TimeUnit.SECONDS)).as("nice value inside the background thread").isEqualTo(wanted);
        assertThat(ThreadNice.current()).as("the creating thread keeps its nice value").isEqualTo(before);
    }

    @Test
    void niceZeroLeavesTheThreadAsItIs() throws Exception {
        assumeTrue(ThreadNice.available(), "Linux only: nice values per thread are read from /proc");
        int before = ThreadNice.current();
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        BackgroundThreads.named("nice-zero", 0).newThread(() -> {
            try {
                seen.complete(ThreadNice.current());
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        }).start();
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(before);
    }

    @Test
    void aNiceValueOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> BackgroundThreads.named("x", 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BackgroundThreads.named("x", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WahlwerkProperties(null, null, false, null, 25))
                .hasMessageContaining("wahlwerk.background-nice");
    }
}
