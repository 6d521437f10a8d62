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
 * @param backgroundNice  nice value (0–19) of the public site's background threads (pages,
 *                 open data), so that requests are served first; 0 (the default) leaves them as they are
 */
@ConfigurationProperties(prefix = "wahlwerk")
public record WahlwerkProperties(Path dataDir, String baseUrl, boolean demo, String command, Integer backgroundNice) {

    /**
     * Off by default: at saturation a lower priority let the pages fall more than a minute behind
     * (ADR 0009, docs/PERFORMANCE.md); a node that only takes reports may turn it on.
     */
    public static final int DEFAULT_BACKGROUND_NICE = 0;

    public WahlwerkProperties {
        if (backgroundNice == null) {
            backgroundNice = DEFAULT_BACKGROUND_NICE;
        }
        if (backgroundNice < 0 || backgroundNice > 19) {
            throw new IllegalArgumentException("wahlwerk.background-nice must be between 0 and 19, is " + backgroundNice);
        }
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
