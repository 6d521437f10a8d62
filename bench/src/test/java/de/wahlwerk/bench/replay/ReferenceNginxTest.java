package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The yardstick's configuration: the shared template with the run's folder and port filled in. */
class ReferenceNginxTest {

    @Test
    void theTemplateIsFilledInCompletely() throws Exception {
        String conf = ReferenceNginx.config(Path.of("/srv/public/current"), Path.of("/tmp/run"), 41234);
        assertThat(conf).doesNotContain("@")
                .contains("root /srv/public/current;", "listen 127.0.0.1:41234;", "pid /tmp/run/nginx.pid;",
                        "worker_processes 1;", "gzip_static on;", "sendfile on;");
    }
}
