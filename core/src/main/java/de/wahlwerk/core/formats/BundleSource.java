package de.wahlwerk.core.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** The CSV files of a bundle, from a directory or a zip, by file name. */
record BundleSource(String prefix, Map<String, byte[]> files) {

    /** Generous for a city's definition, small enough that a crafted zip cannot exhaust memory. */
    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    static BundleSource fromDirectory(Path dir, ProblemCollector problems) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        }
        entries.sort(null);
        for (Path p : entries) {
            String name = p.getFileName().toString();
            if (!Files.isRegularFile(p) || !isCsv(name)) {
                continue; // a README or notes next to the files are fine
            }
            if (Files.size(p) > MAX_FILE_BYTES) {
                problems.add(name, 0, null, "too-large", Long.toString(MAX_FILE_BYTES / (1024 * 1024)));
                continue;
            }
            files.put(name, Files.readAllBytes(p));
        }
        return new BundleSource("", files);
    }

    /**
     * Entries may sit at the top of the zip or in one folder (zipping a folder does that); the
     * folder is dropped from the names.
     */
    static BundleSource fromZip(InputStream in, String zipName, ProblemCollector problems) throws IOException {
        String prefix = zipName + "!";
        Map<String, byte[]> raw = new LinkedHashMap<>();
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        // ZipInputStream reads anything else as "no entries"; say plainly that it is no zip
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K') {
            problems.add(zipName, 0, null, "not-a-zip");
            return new BundleSource(prefix, Map.of());
        }
        try (ZipInputStream zip = new ZipInputStream(buffered)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.isDirectory() || !isCsv(e.getName()) || e.getName().contains("__MACOSX/")) {
                    continue;
                }
                byte[] bytes = readLimited(zip);
                if (bytes == null) {
                    problems.add(prefix + e.getName(), 0, null, "too-large", Long.toString(MAX_FILE_BYTES / (1024 * 1024)));
                    continue;
                }
                raw.put(e.getName(), bytes);
            }
        } catch (ZipException ex) {
            problems.add(zipName, 0, null, "invalid-zip", String.valueOf(ex.getMessage()));
            return new BundleSource(prefix, Map.of());
        }
        if (raw.isEmpty()) {
            problems.add(zipName, 0, null, "missing-file", "areas.csv");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        String folder = commonFolder(raw.keySet());
        raw.forEach((name, bytes) -> files.put(name.substring(folder.length()), bytes));
        return new BundleSource(prefix, files);
    }

    String displayName(String file) {
        return prefix + file;
    }

    private static boolean isCsv(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private static String commonFolder(Iterable<String> names) {
        String folder = null;
        for (String n : names) {
            int slash = n.lastIndexOf('/');
            String f = slash < 0 ? "" : n.substring(0, slash + 1);
            if (folder == null) {
                folder = f;
            } else if (!folder.equals(f)) {
                return "";
            }
        }
        return folder == null ? "" : folder;
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_FILE_BYTES) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
