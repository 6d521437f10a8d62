package de.wahlwerk.server.publish;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./wahlwerk verify-snapshot DIR [--key public-key.pem]}: checks a published snapshot (a
 * copy of the public folder, one generation, or one election's folder) without server or
 * database. Exit 0 when every election folder is intact, 1 when anything was altered, added or
 * removed, 2 on wrong use. Without {@code --key} the key published in the snapshot is used and
 * the output says so: compare its fingerprint with the one the election office announces.
 */
public final class VerifySnapshotCommand {

    private VerifySnapshotCommand() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path dir = null;
        Path keyFile = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--key") && i + 1 < args.length) {
                keyFile = Path.of(args[++i]);
            } else if (dir == null && !args[i].startsWith("--")) {
                dir = Path.of(args[i]);
            } else {
                return usage(err);
            }
        }
        if (dir == null) {
            return usage(err);
        }
        if (!Files.isDirectory(dir)) {
            err.println("Kein Verzeichnis / not a directory: " + dir);
            return 2;
        }
        var expected = keyFile == null ? null : SnapshotManifest.readPem(Files.readString(keyFile));
        dir = dir.toRealPath();
        List<Path> folders = SnapshotManifest.electionFolders(dir);
        if (folders.isEmpty()) {
            err.println("Kein signiertes Manifest (" + SnapshotManifest.MANIFEST + ") gefunden in / no signed manifest found in " + dir);
            return 1;
        }
        boolean ok = true;
        for (Path folder : folders) {
            SnapshotManifest.Check c = SnapshotManifest.verify(folder, expected);
            String name = dir.relativize(folder).toString();
            if (c.ok()) {
                out.println("OK  " + (name.isEmpty() ? "." : name) + ": " + c.files() + " Dateien unverändert, Signatur gültig / files unaltered, signature valid"
                        + " (Schlüssel / key " + c.fingerprint() + (expected == null ? ", aus dem Snapshot / taken from the snapshot" : "") + ")");
            } else {
                ok = false;
                out.println("FEHLER / FAILED  " + (name.isEmpty() ? "." : name) + ":");
                c.problems().forEach(p -> out.println("  " + p));
            }
        }
        if (ok && expected == null) {
            out.println("Hinweis: Fingerabdruck mit dem vom Wahlamt veröffentlichten vergleichen oder --key angeben. / "
                    + "Note: compare the fingerprint with the one the election office announces, or pass --key.");
        }
        return ok ? 0 : 1;
    }

    private static int usage(PrintStream err) {
        err.println("Aufruf / usage: ./wahlwerk verify-snapshot VERZEICHNIS [--key public-key.pem]");
        return 2;
    }
}
