package de.wahlwerk.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages of the server are application modules: no cycles between them, and no
 * module reaches into another's internals. The module diagram in docs/modules is written from the
 * code on every run, so the picture cannot drift from the house.
 */
class ModuleStructureTest {

    @Test
    void modulesHaveNoCyclesAndRespectBoundaries() {
        ApplicationModules modules = ApplicationModules.of(WahlwerkApplication.class);
        modules.verify();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml();
    }
}
