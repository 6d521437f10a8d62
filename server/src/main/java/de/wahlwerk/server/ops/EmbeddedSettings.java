package de.wahlwerk.server.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Further server settings for the embedded PostgreSQL, from {@code wahlwerk.database.embedded-settings}
 * ({@code WAHLWERK_DATABASE_EMBEDDED_SETTINGS}): {@code name=value} pairs separated by {@code ;}, e.g.
 * {@code shared_buffers=1GB;shared_preload_libraries=pg_stat_statements}. For an operator who wants
 * more memory for the cluster, or statement statistics while measuring a night
 * (docs/PERFORMANCE.md); an external database is configured in its own postgresql.conf.
 *
 * <p>The settings that make a commit durable are not taken from here ({@code wahlwerk.database.durable}
 * decides them, and a typo must not switch them off), nor the port and connection limit the node needs.
 */
final class EmbeddedSettings {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_.]*");
    private static final Set<String> RESERVED = Set.of("fsync", "synchronous_commit", "full_page_writes", "port",
            "max_connections", "data_directory", "listen_addresses");

    private EmbeddedSettings() {}

    /** The settings in the order given; an empty map for a blank text. */
    static Map<String, String> parse(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return settings;
        }
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part.strip() : part.substring(0, eq).strip();
            String value = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (eq < 0 || value.isEmpty() || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("wahlwerk.database.embedded-settings: '" + part.strip()
                        + "' is not name=value (e.g. shared_buffers=1GB; pairs separated by ';')");
            }
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("wahlwerk.database.embedded-settings: " + name
                        + " is set by Wahlwerk itself and cannot be changed here"
                        + (name.equals("fsync") || name.equals("synchronous_commit") ? " (see wahlwerk.database.durable)" : ""));
            }
            settings.put(name, value);
        }
        return settings;
    }
}
