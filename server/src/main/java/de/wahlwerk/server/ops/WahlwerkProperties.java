package de.wahlwerk.server.ops;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Installation settings under {@code wahlwerk.*}.
 *
 * @param dataDir  where the embedded PostgreSQL keeps its cluster (and later snapshots)
 * @param baseUrl  public base URL for printed links; empty means http://localhost:&lt;port&gt;
 * @param demo     load the Musterstadt demo election on start if it is not there yet
 * @param command  a maintenance command to run instead of serving (e.g. {@code audit-verify})
 */
@ConfigurationProperties(prefix = "wahlwerk")
public record WahlwerkProperties(Path dataDir, String baseUrl, boolean demo, String command) {

    public WahlwerkProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        if (baseUrl == null) {
            baseUrl = "";
        }
        if (command == null) {
            command = "";
        }
    }

    /**
     * Whether this process serves (no maintenance command). A command such as {@code audit verify}
     * runs beside a serving node on the same data directory and database: it must not start
     * the publisher, the public listener or the report listener, or it would write snapshots into
     * the serving node's folder and take its port.
     */
    public boolean serving() {
        return command.isBlank();
    }
}
