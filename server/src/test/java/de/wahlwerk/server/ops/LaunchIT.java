package de.wahlwerk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.WahlwerkApplication;
import de.wahlwerk.server.audit.AuditVerifier;
import de.wahlwerk.server.support.IntegrationTest;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Starting twice on one data directory shares the database; a busy port gives a clear message. */
class LaunchIT extends IntegrationTest {

    @Test
    void secondStartOnTheSameDataDirectoryReusesTheRunningDatabase() {
        Integer port = RunningCluster.port(Path.of("target/test-data/shared/postgres").toAbsolutePath());
        assertThat(port).as("the test server's embedded PostgreSQL is found via postmaster.pid").isNotNull();
        long days = jdbc.sql("select count(*) from election_day").query(Long.class).single();
        try (var second = new SpringApplicationBuilder(WahlwerkApplication.class)
                .web(WebApplicationType.NONE)
                .run("--wahlwerk.data-dir=target/test-data/shared", "--wahlwerk.command=audit-verify")) {
            JdbcClient other = second.getBean(JdbcClient.class);
            assertThat(other.sql("select count(*) from election_day").query(Long.class).single()).isEqualTo(days);
            assertThat(second.getBean(AuditVerifier.class).verify().ok()).isTrue();
        }
        // Closing the second process's context must not stop the database the first one uses.
        assertThat(jdbc.sql("select count(*) from election_day").query(Long.class).single()).isEqualTo(days);
    }

    @Test
    void embeddedSettingsReachTheNewCluster() throws Exception {
        // An operator's extra settings for the embedded cluster (OPERATIONS.md) are the server's
        // settings when it starts, and a malformed list stops the start with the property named.
        Path dataDir = java.nio.file.Files.createTempDirectory(Path.of("target"), "embedded-settings-");
        try (var second = new SpringApplicationBuilder(WahlwerkApplication.class)
                .web(WebApplicationType.NONE)
                .run("--wahlwerk.data-dir=" + dataDir, "--wahlwerk.command=audit-verify", "--wahlwerk.public-port=0",
                        "--wahlwerk.database.embedded-settings=work_mem=7MB; jit=off")) {
            JdbcClient other = second.getBean(JdbcClient.class);
            assertThat(other.sql("show work_mem").query(String.class).single()).isEqualTo("7MB");
            assertThat(other.sql("show jit").query(String.class).single()).isEqualTo("off");
        }
        Path other = java.nio.file.Files.createTempDirectory(Path.of("target"), "embedded-settings-");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(WahlwerkApplication.class)
                .web(WebApplicationType.NONE)
                .run("--wahlwerk.data-dir=" + other, "--wahlwerk.command=audit-verify", "--wahlwerk.public-port=0",
                        "--wahlwerk.database.embedded-settings=fsync=off").close())
                .hasStackTraceContaining("wahlwerk.database.embedded-settings: fsync is set by Wahlwerk itself");
        assertThat(other.resolve("postgres")).as("refused before a cluster was made").doesNotExist();
    }

    @Test
    void configuredDatabaseIsUsedAndNothingIsEmbedded() throws Exception {
        // The test server's cluster stands in for an operator's PostgreSQL: a second process given
        // its URL must use it, and must not start an embedded cluster in its own data directory.
        Integer port = RunningCluster.port(Path.of("target/test-data/shared/postgres").toAbsolutePath());
        assertThat(port).isNotNull();
        long days = jdbc.sql("select count(*) from election_day").query(Long.class).single();
        Path dataDir = java.nio.file.Files.createTempDirectory(Path.of("target"), "external-db-");
        long publishers = threadsNamed("wahlwerk-publish");
        try (var second = new SpringApplicationBuilder(WahlwerkApplication.class)
                .web(WebApplicationType.NONE)
                .run("--wahlwerk.data-dir=" + dataDir, "--wahlwerk.command=audit-verify",
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/wahlwerk",
                        "--spring.datasource.username=postgres", "--wahlwerk.public-port=0")) {
            assertThat(second.getBeansOfType(EmbeddedDatabaseConfig.Cluster.class)).isEmpty();
            // A command beside a serving node neither publishes nor listens: it would write into
            // the node's snapshot folder and take its public port.
            assertThat(threadsNamed("wahlwerk-publish")).as("only the test server's publisher runs").isEqualTo(publishers);
            assertThat(second.getBeansOfType(org.springframework.context.SmartLifecycle.class).values())
                    .filteredOn(l -> l.getClass().getSimpleName().equals("PublicListener")).isNotEmpty()
                    .noneMatch(org.springframework.context.SmartLifecycle::isRunning);
            JdbcClient other = second.getBean(JdbcClient.class);
            assertThat(other.sql("select count(*) from election_day").query(Long.class).single()).isEqualTo(days);
            assertThat(second.getBean(AuditVerifier.class).verify().ok()).isTrue();
        }
        assertThat(dataDir.resolve("postgres")).as("no embedded cluster beside a configured database").doesNotExist();
    }

    @Test
    void busyPortIsReportedWithWhatToDo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            String message = PortCheck.problem(busy.getLocalPort());
            assertThat(message).contains("Port " + busy.getLocalPort() + " ist schon belegt")
                    .contains("SERVER_PORT=" + (busy.getLocalPort() + 1));
        }
        assertThat(PortCheck.problemWith("acht")).contains("keine gültige Portnummer");
        assertThat(PortCheck.problemWith("70000")).contains("keine gültige Portnummer");
        try (ServerSocket probe = new ServerSocket(0)) {
            int free = probe.getLocalPort();
            probe.close();
            assertThat(PortCheck.problem(free)).isNull();
        }
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count();
    }
}
