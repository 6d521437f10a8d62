package de.wahlwerk.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLoadLogTest {

    @TempDir
    Path dir;

    @Test
    void takesTheLastStartsPortOpening() throws Exception {
        Path console = dir.resolve("node.log");
        Files.writeString(console, """
                2026-12-03T09:24:50.100Z  INFO 1 --- [wahlwerk] [main] o.s.boot.tomcat.TomcatWebServer : Tomcat initialized with port 8080 (http)
                2026-12-03T09:24:58.391Z  INFO 1 --- [wahlwerk] [main] o.s.boot.tomcat.TomcatWebServer : Tomcat started on port 8080 (http) with context path '/'
                2026-12-03T09:30:01.007Z  INFO 2 --- [wahlwerk] [main] o.s.boot.tomcat.TomcatWebServer : Tomcat started on port 8080 (http) with context path '/'
                """);
        assertThat(ClassLoadLog.portOpened(console)).isEqualTo(Instant.parse("2026-12-03T09:30:01.007Z"));
        Path none = dir.resolve("none.log");
        Files.writeString(none, "2026-12-03T09:24:50.100Z ERROR 1 --- Application run failed\n");
        assertThat(ClassLoadLog.portOpened(none)).isNull();
    }

    @Test
    void namesOnlyClassesFromTheNodesJarsAtOrAfterTheMoment() throws Exception {
        Path app = dir.resolve("server/target/app");
        String lib = app.resolve("lib").toString();
        // The JVM writes the jar's path as it was given, here through bench/.. as the tests start it.
        String viaBench = dir.resolve("bench/../server/target/app/wahlwerk-server.jar").toString();
        Path classes = dir.resolve("node-classes.log");
        Files.writeString(classes, String.join("\n",
                "[2026-12-03T09:24:58.390+0000] org.thymeleaf.Early source: file:" + lib + "/thymeleaf.jar",
                "[2026-12-03T09:24:58.391+0000] org.thymeleaf.AtTheMoment source: file:" + lib + "/thymeleaf.jar",
                "[2026-12-03T09:24:59.000+0000] java.util.Late source: shared objects file",
                "[2026-12-03T09:24:59.001+0000] de.wahlwerk.server.Late source: file:" + viaBench,
                "[2026-12-03T09:24:59.002+0000] org.example.Elsewhere source: file:/opt/other/lib/x.jar",
                "[2026-12-03T09:24:59.003+0000] de.wahlwerk.server.Late$$Lambda/0x0000000090 source: de.wahlwerk.server.Late",
                ""));
        List<String> late = ClassLoadLog.loadedFromJarsAfter(classes, app, Instant.parse("2026-12-03T09:24:58.391Z"));
        assertThat(late).containsExactly("org.thymeleaf.AtTheMoment", "de.wahlwerk.server.Late");
    }
}
