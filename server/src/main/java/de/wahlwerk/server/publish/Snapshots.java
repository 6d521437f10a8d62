package de.wahlwerk.server.publish;

import de.wahlwerk.server.ops.WahlwerkProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The published pages by path; readers never wait for writers. Every changed page is also written
 * as a static snapshot under {@code <data-dir>/public} (plain and {@code .gz}, each replaced
 * atomically), so that nginx, object storage or a CDN can serve the same bytes without us.
 */
@Component
class Snapshots {

    private static final Logger log = LoggerFactory.getLogger(Snapshots.class);

    private final Map<String, PublishedPage> pages = new ConcurrentHashMap<>();
    private final Path root;

    Snapshots(WahlwerkProperties properties) {
        this.root = properties.dataDir().toAbsolutePath().normalize().resolve("public");
    }

    PublishedPage get(String path) {
        return pages.get(path);
    }

    /** Writes the snapshot file first, then serves it, so disk and memory never disagree for long. */
    synchronized void put(String path, PublishedPage page) {
        PublishedPage before = pages.get(path);
        PublishedPage now = before == null ? page : before.replacedBy(page);
        if (now != before) {
            write(path, now);
            pages.put(path, now);
        }
    }

    Path root() {
        return root;
    }

    private void write(String path, PublishedPage page) {
        Path target = root.resolve(path.substring(1)).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("snapshot path outside the public folder: " + path);
        }
        try {
            Files.createDirectories(target.getParent());
            atomically(target, page.body());
            atomically(target.resolveSibling(target.getFileName() + ".gz"), page.gzip());
        } catch (IOException e) {
            // The in-memory page is served anyway; a failing disk must not stop election night.
            log.warn("Static snapshot {} could not be written: {}", target, e.toString());
        }
    }

    private static void atomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
