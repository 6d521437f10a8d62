package de.wahlwerk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedSettingsTest {

    @Test
    void pairsAreReadInOrderWithSpacesAndEmptyPartsIgnored() {
        assertThat(EmbeddedSettings.parse(" shared_buffers = 1GB ;; shared_preload_libraries=pg_stat_statements; "))
                .containsExactly(Map.entry("shared_buffers", "1GB"), Map.entry("shared_preload_libraries", "pg_stat_statements"));
        assertThat(EmbeddedSettings.parse("")).isEmpty();
        assertThat(EmbeddedSettings.parse(null)).isEmpty();
        // A value may itself hold '=' (a connection string, say): only the first one splits.
        assertThat(EmbeddedSettings.parse("cluster_name=a=b")).containsExactly(Map.entry("cluster_name", "a=b"));
    }

    @Test
    void malformedPairsAreRefusedWithTheirText() {
        assertThatThrownBy(() -> EmbeddedSettings.parse("shared_buffers")).hasMessageContaining("'shared_buffers' is not name=value");
        assertThatThrownBy(() -> EmbeddedSettings.parse("work_mem=")).hasMessageContaining("'work_mem=' is not name=value");
        assertThatThrownBy(() -> EmbeddedSettings.parse("Work-Mem=4MB")).hasMessageContaining("'Work-Mem=4MB'");
    }

    @Test
    void durabilityAndTheNodesOwnSettingsCannotBeChanged() {
        assertThatThrownBy(() -> EmbeddedSettings.parse("synchronous_commit=off"))
                .hasMessageContaining("synchronous_commit is set by Wahlwerk itself").hasMessageContaining("wahlwerk.database.durable");
        assertThatThrownBy(() -> EmbeddedSettings.parse("max_connections=10")).hasMessageContaining("max_connections is set by Wahlwerk");
    }
}
