package de.wahlwerk.server.publish;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One election's signed manifest ({@link SnapshotManifest}), kept up to date file by file: after
 * a confirmation a few pages change, and the manifest lists all of them (4,562 files and 432 kB in
 * a replayed city). Built anew for every snapshot generation, its map, its text and the text's
 * copies were a fifth of what the node allocated while a night was confirmed (JFR,
 * docs/PERFORMANCE.md, session 16). Here only the lines of changed pages are made again, and the
 * bytes are copied once into an array of the exact size. The result is byte for byte what
 * {@link SnapshotManifest#build} makes of the same state ({@code ManifestLinesTest}).
 *
 * <p>Used by the snapshot writer's thread only.
 */
final class ManifestLines {

    private final String base;
    /** Each listed file's line ({@code <sha256>  <path>\n}), by relative path, in the manifest's order. */
    private final TreeMap<String, byte[]> lines = new TreeMap<>();
    /** The page each listed path had, by full path: a different page object means new bytes. */
    private final Map<String, PublishedPage> listed = new HashMap<>();
    private int size;

    /** @param base the election's folder, e.g. {@code /wahlen/7/} */
    ManifestLines(String base) {
        this.base = base;
    }

    /** Brings the lines to the election's files in {@code state} (all pages of the site by path). */
    void update(Map<String, PublishedPage> state) {
        for (Map.Entry<String, PublishedPage> e : state.entrySet()) {
            String path = e.getKey();
            PublishedPage page = e.getValue();
            if (path.startsWith(base) && listed.get(path) != page) {
                String rel = path.substring(base.length());
                if (SnapshotManifest.UNLISTED.contains(rel)) {
                    continue;
                }
                listed.put(path, page);
                put(rel, page.sha256());
                put(rel + ".gz", page.sha256Gzip());
            }
        }
        for (Iterator<String> it = listed.keySet().iterator(); it.hasNext();) {
            String path = it.next();
            if (!state.containsKey(path)) {
                it.remove();
                String rel = path.substring(base.length());
                remove(rel);
                remove(rel + ".gz");
            }
        }
    }

    /** The manifest's bytes, as {@link SnapshotManifest#build} writes them. */
    byte[] bytes() {
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] line : lines.values()) {
            System.arraycopy(line, 0, out, at, line.length);
            at += line.length;
        }
        return out;
    }

    private void put(String rel, String sha256) {
        byte[] line = (sha256 + "  " + rel + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] before = lines.put(rel, line);
        size += line.length - (before == null ? 0 : before.length);
    }

    private void remove(String rel) {
        byte[] before = lines.remove(rel);
        if (before != null) {
            size -= before.length;
        }
    }
}
