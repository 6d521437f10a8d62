package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.server.security.Role;
import de.wahlwerk.server.security.TestAccounts;
import de.wahlwerk.server.setup.DemoElection;
import de.wahlwerk.server.support.HttpSession;
import de.wahlwerk.server.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Static snapshots: whole generations behind an atomically switched {@code current} link, old
 * ones pruned; each election's folder carries a manifest signed with the election's Ed25519 key,
 * which the verify command checks file by file, naming what was altered, added or removed, or a
 * wrong key. The private key never lies in the public tree.
 */
class SnapshotSigningIT extends IntegrationTest {

    @Autowired
    Snapshots snapshots;

    @Autowired
    SigningKeys keys;

    @TempDir
    Path tmp;

    @Test
    void generationsAreWholeSignedAndVerifiable() throws Exception {
        long election = demoElection();
        String page = "admin/" + DemoElection.AGS + ".html";
        Path current = snapshots.current();
        // The numbers come first, the pages in a later round, and the writer rests between
        // generations: wait for the generation that holds the page.
        Path manifest = current.resolve("wahlen/" + election + "/" + SnapshotManifest.MANIFEST);
        for (int i = 0; i < 300 && !(Files.isRegularFile(manifest) && Files.readString(manifest).contains("  " + page + "\n")); i++) {
            Thread.sleep(100);
        }
        assertThat(Files.isSymbolicLink(current)).as("current is a symlink").isTrue();
        assertThat(Files.readSymbolicLink(current).toString()).matches("g-\\d{6}");
        try (Stream<Path> gens = Files.list(snapshots.root())) {
            assertThat(gens.filter(p -> p.getFileName().toString().startsWith("g-")).count())
                    .as("old generations pruned").isLessThanOrEqualTo(Snapshots.KEEP + 1);
        }
        // A copy of one election's folder, as a newsroom would mirror it (the live tree may move on).
        Path copy = copyElection(current, election);
        assertThat(Files.readString(copy.resolve(SnapshotManifest.MANIFEST))).contains("  " + page + "\n")
                .contains("  " + page + ".gz\n").contains("  " + SnapshotManifest.PUBLIC_KEY + "\n");
        assertThat(Files.readString(copy.resolve(SnapshotManifest.PUBLIC_KEY))).isEqualTo(keys.publicKeyPem(election));
        assertThat(verify(copy)).startsWith("0|").contains("OK").contains(keys.fingerprint(election));

        // The private key is nowhere in the public tree.
        byte[] priv = keys.keyPair(election).getPrivate().getEncoded();
        String privHex = HexFormat.of().formatHex(priv, priv.length - 32, priv.length);
        try (Stream<Path> all = Files.walk(current.toRealPath())) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String text = HexFormat.of().formatHex(Files.readAllBytes(p));
                assertThat(text).as(p.toString()).doesNotContain(privHex);
                assertThat(Files.readString(p, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
            }
        }

        // One changed byte, named.
        Path altered = copyElection(current, election);
        Path file = altered.resolve(page);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
        assertThat(verify(altered)).startsWith("1|").contains("ALTERED: " + page);

        // An added file, named.
        Path added = copyElection(current, election);
        Files.writeString(added.resolve("admin/extra.html"), "<p>nicht von uns</p>");
        assertThat(verify(added)).startsWith("1|").contains("ADDED: admin/extra.html");

        // A removed file, named.
        Path removed = copyElection(current, election);
        Files.delete(removed.resolve(page + ".gz"));
        assertThat(verify(removed)).startsWith("1|").contains("MISSING: " + page + ".gz");

        // A manifest edited to match an altered file no longer carries a valid signature.
        Path forged = copyElection(current, election);
        Files.writeString(forged.resolve(page), "<p>gefälscht</p>");
        String sums = Files.readString(forged.resolve(SnapshotManifest.MANIFEST));
        String fake = HexFormat.of().formatHex(PublishedPage.sha256(Files.readAllBytes(forged.resolve(page))));
        Files.writeString(forged.resolve(SnapshotManifest.MANIFEST),
                sums.replaceAll("[0-9a-f]{64}  " + java.util.regex.Pattern.quote(page) + "\n", fake + "  " + page + "\n"));
        assertThat(verify(forged)).startsWith("1|").contains("SIGNATURE INVALID");

        // Checked against another key (e.g. one an impostor published): refused, naming both fingerprints.
        Path otherKey = tmp.resolve("other.pem");
        Files.writeString(otherKey, SnapshotManifest.pem(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic()));
        assertThat(verify(copy, "--key", otherKey.toString())).startsWith("1|").contains("OTHER KEY").contains("SIGNATURE INVALID");
        Path rightKey = tmp.resolve("right.pem");
        Files.writeString(rightKey, keys.publicKeyPem(election));
        assertThat(verify(copy, "--key", rightKey.toString())).startsWith("0|");

        // The fingerprint is shown in setup, on the election's page.
        var admin = accounts.create(Role.ADMIN, "admin", DemoElection.AGS);
        HttpSession session = session();
        session.login(admin.username(), TestAccounts.PASSWORD, admin.code());
        assertThat(session.get("/admin/setup/elections/" + election).body()).contains(keys.fingerprint(election));

        // Wrong use: a clear message and exit code 2.
        assertThat(verify(tmp.resolve("nope"))).startsWith("2|").contains("not a directory");
    }

    private long demoElection() {
        long day = jdbc.sql("select id from election_day where name = :n").param("n", DemoElection.DAY_NAME).query(Long.class).single();
        return jdbc.sql("select id from election where election_day_id = :d and name = 'Bundestagswahl 2025'")
                .param("d", day).query(Long.class).single();
    }

    /** Copies the election's folder of the generation current points to now (resolved once). */
    private Path copyElection(Path current, long election) throws Exception {
        Path from = current.toRealPath().resolve("wahlen/" + election);
        Path to = Files.createTempDirectory(tmp, "copy");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    private static String verify(Path dir, String... more) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of(dir.toString()), Stream.of(more)).toArray(String[]::new);
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = VerifySnapshotCommand.run(args, o, o);
        }
        return code + "|" + out.toString(StandardCharsets.UTF_8);
    }
}
