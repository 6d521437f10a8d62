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
    void modulesHaveNoCyclesAndRespectBoundaries() throws Exception {
        ApplicationModules modules = ApplicationModules.of(WahlwerkApplication.class);
        modules.verify();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("../docs/modules"))
                .writeModulesAsPlantUml();
        sortStatements(java.nio.file.Path.of("../docs/modules/components.puml"));
    }

    /** The generator's order varies between runs; sorted, the committed diagram changes only when the modules do. */
    private static void sortStatements(java.nio.file.Path file) throws java.io.IOException {
        java.util.List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(file));
        for (String prefix : new String[] {"    Component(", "Rel("}) {
            java.util.List<Integer> at = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(prefix)) {
                    at.add(i);
                }
            }
            java.util.List<String> sorted = at.stream().map(lines::get).sorted().toList();
            for (int i = 0; i < at.size(); i++) {
                lines.set(at.get(i), sorted.get(i));
            }
        }
        java.nio.file.Files.write(file, lines);
    }
}
