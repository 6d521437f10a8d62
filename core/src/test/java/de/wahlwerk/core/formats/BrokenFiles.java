package de.wahlwerk.core.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test helper: the small hand-made files under src/test/resources/formats/broken. */
final class BrokenFiles {

    private BrokenFiles() {}

    static InputStream open(String name) {
        InputStream in = BrokenFiles.class.getResourceAsStream("/formats/broken/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("test resource missing: formats/broken/" + name));
        }
        return in;
    }
}
