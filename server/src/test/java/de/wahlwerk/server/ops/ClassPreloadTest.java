package de.wahlwerk.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPreloadTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheListedClassesAndCountsTheOnesThatAreGone() throws Exception {
        Files.createDirectories(dir.resolve("startup"));
        Files.writeString(dir.resolve(ClassPreload.LIST), """
                # a comment
                java.util.concurrent.ConcurrentSkipListSet

                  de.wahlwerk.server.ops.PortCheck  
                de.wahlwerk.server.ops.RenamedLongAgo
                """);
        // Classes from the application's loader, the list from the directory (not the shipped one).
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public java.io.InputStream getResourceAsStream(String name) {
                try {
                    return Files.newInputStream(dir.resolve(name));
                } catch (java.io.IOException e) {
                    return null;
                }
            }
        };
        assertThat(ClassPreload.names(loader)).containsExactly("java.util.concurrent.ConcurrentSkipListSet",
                "de.wahlwerk.server.ops.PortCheck", "de.wahlwerk.server.ops.RenamedLongAgo");
        ClassPreload.Result result = ClassPreload.loadAll(loader);
        assertThat(result.loaded()).isEqualTo(2);
        assertThat(result.missing()).isEqualTo(1);
    }

    @Test
    void withoutAListThereIsNothingToLoad() throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(ClassPreload.loadAll(empty)).extracting(ClassPreload.Result::loaded, ClassPreload.Result::missing)
                    .containsExactly(0, 0);
        }
    }

    @Test
    void theListShippedWithTheNodeNamesClassesThatExist() throws Exception {
        ClassLoader app = ClassPreload.class.getClassLoader();
        var names = ClassPreload.names(app);
        // Written by bench/tools/preload-classes.sh from real runs: Wahlwerk's own classes and the
        // template engine's at least. A list that names many missing classes is out of date.
        assertThat(names).contains("de.wahlwerk.server.WahlwerkApplication", "org.thymeleaf.TemplateEngine")
                .hasSizeGreaterThan(1_000);
        ClassPreload.Result result = ClassPreload.loadAll(app);
        assertThat(result.missing()).as("classes of the list not found; run bench/tools/preload-classes.sh")
                .isLessThan(names.size() / 50);
    }
}
