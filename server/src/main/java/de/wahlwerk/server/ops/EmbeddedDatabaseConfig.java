package de.wahlwerk.server.ops;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL (real binaries from a Maven artifact) when no external database
 * is configured, so that the first run needs no setup. The cluster lives in
 * {@code <data-dir>/postgres} and is reused by the next start; PostgreSQL's own lock on the data
 * directory stops two Wahlwerk processes from using it at once.
 *
 * <p>Production sets {@code spring.datasource.url} (e.g. SPRING_DATASOURCE_URL) and this class
 * does nothing.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabase.class)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);
    static final String DATABASE = "wahlwerk";

    /** The embedded cluster as this process sees it: started here, or found running and shared. */
    record Cluster(EmbeddedPostgres started, int port) implements AutoCloseable {
        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
        }

        @Override
        public void close() throws IOException {
            if (started != null) {
                started.close();
            }
        }
    }

    @Bean(destroyMethod = "close")
    Cluster embeddedPostgres(WahlwerkProperties properties,
            @org.springframework.beans.factory.annotation.Value("${wahlwerk.database.durable:true}") boolean durable,
            @org.springframework.beans.factory.annotation.Value("${wahlwerk.database.embedded-settings:}") String extra) {
        java.util.Map<String, String> settings = EmbeddedSettings.parse(extra);
        Path dir = properties.dataDir().toAbsolutePath().normalize();
        Path cluster = dir.resolve("postgres");
        Integer running = RunningCluster.port(cluster);
        if (running != null) {
            // Another Wahlwerk process (a second node, or `./wahlwerk audit verify` next to the
            // server) already runs this cluster: share it instead of fighting over the directory.
            log.info("Using the embedded PostgreSQL already running on port {} for {}", running, cluster);
            if (!settings.isEmpty()) {
                log.warn("wahlwerk.database.embedded-settings {} not applied: the cluster was started by another process", settings.keySet());
            }
            return new Cluster(null, running);
        }
        try {
            Files.createDirectories(dir);
            log.info("Starting embedded PostgreSQL in {}", cluster);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dir.resolve("pg-binaries").toFile())
                    .setPort(freePort())
                    .setServerConfig("max_connections", "200")
                    // The library is made for tests and starts PostgreSQL with fsync and synchronous
                    // commit off: a crash of the machine could lose acknowledged reports or corrupt
                    // the cluster. Wahlwerk's embedded database holds real elections, so both are
                    // on (`-c fsync=on` overrides the library's `-F`); only the test suite, whose
                    // database is thrown away, switches them off for speed.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .start();
            ensureDatabase(pg);
            return new Cluster(pg, pg.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start in " + cluster
                    + ". Is another Wahlwerk using this data directory? Stop it or set WAHLWERK_DATA_DIR to another folder.", e);
        }
    }

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    HikariDataSource dataSource(Cluster pg,
            // The property an external database's pool is sized with (application.yml), so that one setting serves both.
            @org.springframework.beans.factory.annotation.Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        // While the database restarts, requests are answered with 503 after 5 s instead of hanging 30 s.
        config.setConnectionTimeout(5000);
        config.setPoolName("wahlwerk-embedded");
        return new HikariDataSource(config);
    }

    private static void ensureDatabase(EmbeddedPostgres pg) {
        try (var c = pg.getPostgresDatabase().getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                try (var create = c.createStatement()) {
                    create.execute("create database " + DATABASE + " encoding 'UTF8'");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "' in the embedded PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
