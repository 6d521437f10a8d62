package de.wahlwerk.server.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The signed manifest of an election's published files (ADR 0621), plain Java so that the verify
 * command runs without server or database. In each election folder of a snapshot:
 * <ul>
 * <li>{@code SHA256SUMS}: one line {@code <sha256-hex>  <path>} per file, sorted by path, in the
 * format of {@code sha256sum}, so {@code sha256sum -c SHA256SUMS} checks it too;</li>
 * <li>{@code SHA256SUMS.sig}: the 64-byte Ed25519 signature (RFC 8032) of those exact bytes;</li>
 * <li>{@code public-key.pem}: the election's public key (also listed in the manifest).</li>
 * </ul>
 * Independently checkable with OpenSSL: {@code openssl pkeyutl -verify -pubin -inkey public-key.pem
 * -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig}.
 */
final class SnapshotManifest {

    static final String MANIFEST = "SHA256SUMS";
    static final String SIGNATURE = "SHA256SUMS.sig";
    static final String PUBLIC_KEY = "public-key.pem";
    /** The manifest cannot list itself or its signature (nor their compressed twins). */
    static final Set<String> UNLISTED = Set.of(MANIFEST, SIGNATURE, MANIFEST + ".gz", SIGNATURE + ".gz");

    private SnapshotManifest() {}

    /** The manifest text for files by path (relative, '/'-separated) and hex SHA-256. */
    static byte[] build(SortedMap<String, String> hashes) {
        StringBuilder s = new StringBuilder(hashes.size() * 96);
        hashes.forEach((path, hash) -> s.append(hash).append("  ").append(path).append('\n'));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sign(byte[] manifest, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(manifest);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey readPem(String pem) throws GeneralSecurityException {
        String b64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    static String fingerprint(PublicKey key) {
        String hex = HexFormat.of().formatHex(PublishedPage.sha256(key.getEncoded()));
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 32; i += 4) {
            s.append(i == 0 ? "" : " ").append(hex, i, i + 4);
        }
        return s.toString();
    }

    /** Outcome of checking one election folder: empty problems means intact. */
    record Check(Path folder, String fingerprint, int files, List<String> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks an election folder: the signature of the manifest with {@code expected} (or, when
     * null, the key published in the folder), every listed file's hash, and that no file is there
     * that the manifest does not list. Each problem names the file, in German and English.
     */
    static Check verify(Path folder, PublicKey expected) throws IOException {
        List<String> problems = new ArrayList<>();
        Path manifest = folder.resolve(MANIFEST);
        Path signature = folder.resolve(SIGNATURE);
        Path keyFile = folder.resolve(PUBLIC_KEY);
        for (Path p : List.of(manifest, signature, keyFile)) {
            if (!Files.isRegularFile(p)) {
                problems.add("FEHLT / MISSING: " + p.getFileName() + " — ohne sie ist nichts prüfbar / nothing can be checked without it");
            }
        }
        if (!problems.isEmpty()) {
            return new Check(folder, null, 0, problems);
        }
        PublicKey published;
        try {
            published = readPem(Files.readString(keyFile));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Check(folder, null, 0, List.of("UNLESBAR / UNREADABLE: " + PUBLIC_KEY));
        }
        PublicKey key = expected == null ? published : expected;
        if (expected != null && !java.util.Arrays.equals(expected.getEncoded(), published.getEncoded())) {
            problems.add("ANDERER SCHLÜSSEL / OTHER KEY: " + PUBLIC_KEY + " ist nicht der erwartete Schlüssel "
                    + "(veröffentlicht " + fingerprint(published) + ", erwartet " + fingerprint(expected) + ") / is not the expected key");
        }
        byte[] manifestBytes = Files.readAllBytes(manifest);
        boolean signed;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(manifestBytes);
            signed = s.verify(Files.readAllBytes(signature));
        } catch (GeneralSecurityException e) {
            signed = false;
        }
        if (!signed) {
            problems.add("SIGNATUR UNGÜLTIG / SIGNATURE INVALID: " + MANIFEST
                    + " wurde verändert oder nicht mit diesem Schlüssel signiert / was altered or not signed with this key");
        }
        Map<String, String> listed = new TreeMap<>();
        for (String line : new String(manifestBytes, StandardCharsets.UTF_8).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int sep = line.indexOf("  ");
            if (sep != 64) {
                problems.add("UNLESBARE ZEILE / UNREADABLE LINE in " + MANIFEST + ": " + line);
                continue;
            }
            listed.put(line.substring(sep + 2), line.substring(0, sep));
        }
        for (var e : listed.entrySet()) {
            Path file = folder.resolve(e.getKey()).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                problems.add("FEHLT / MISSING: " + e.getKey());
                continue;
            }
            String actual = HexFormat.of().formatHex(PublishedPage.sha256(Files.readAllBytes(file)));
            if (!actual.equals(e.getValue())) {
                problems.add("VERÄNDERT / ALTERED: " + e.getKey() + " (SHA-256 " + actual + ", signiert / signed " + e.getValue() + ")");
            }
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                if (!listed.containsKey(rel) && !UNLISTED.contains(rel)) {
                    problems.add("HINZUGEFÜGT / ADDED: " + rel + " steht nicht im signierten Manifest / is not in the signed manifest");
                }
            }
        }
        return new Check(folder, fingerprint(key), listed.size(), problems);
    }

    /** The election folders under a snapshot directory (or the directory itself), sorted. */
    static List<Path> electionFolders(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(MANIFEST))) {
            return List.of(dir);
        }
        try (Stream<Path> s = Files.walk(dir, 4)) {
            return s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(MANIFEST))
                    .map(Path::getParent).sorted().toList();
        }
    }
}
