package de.wahlwerk.server.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kept deflaters give the very bytes GZIPOutputStream gives, whatever came before them, and
 * hold no Java array in native code while the collector wants to move it.
 */
class GzipTest {

    private static byte[] jdkGzip(byte[] body, boolean fast) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = fast ? new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        } : new GZIPOutputStream(out)) {
            z.write(body);
        }
        return out.toByteArray();
    }

    /** Text like a results page or CSV: repetitive, with numbers; or random bytes that do not compress. */
    private static byte[] body(Random r, int length, boolean text) {
        byte[] b = new byte[length];
        if (!text) {
            r.nextBytes(b);
            return b;
        }
        StringBuilder s = new StringBuilder(length + 64);
        while (s.length() < length) {
            s.append("<tr><td>Wahlbezirk ").append(r.nextInt(900)).append("</td><td>").append(r.nextInt(100_000))
                    .append(" Stimmen · ").append(r.nextInt(100)).append(",").append(r.nextInt(10)).append(" %</td></tr>\n");
        }
        System.arraycopy(s.toString().getBytes(StandardCharsets.UTF_8), 0, b, 0, length);
        return b;
    }

    @Test
    void sameBytesAsGzipOutputStreamForEverySizeAroundTheChunksAndBothLevels() throws IOException {
        Random r = new Random(2026);
        int c = Gzip.CHUNK;
        int[] lengths = {0, 1, 2, 100, 4_000, c - 1, c, c + 1, 2 * c, 2 * c + 7, 3 * c - 1, 300_000, 1_000_000};
        for (int length : lengths) {
            for (boolean text : new boolean[] {true, false}) {
                byte[] body = body(r, length, text);
                for (boolean fast : new boolean[] {false, true}) {
                    assertThat(Gzip.compress(body, fast)).as("%d bytes, text %s, fast %s", length, text, fast)
                            .isEqualTo(jdkGzip(body, fast));
                }
            }
        }
    }

    @Test
    void aKeptDeflaterStartsAfreshAndThreadsDoNotMixTheirBodies() throws Exception {
        Random r = new Random(7);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            bodies.add(body(r, r.nextInt(200_000), i % 5 != 0));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<byte[]>> done = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (byte[] b : bodies) {
                    done.add(pool.submit(() -> Gzip.compress(b, b.length % 2 == 0)));
                }
            }
            for (int i = 0; i < done.size(); i++) {
                byte[] b = bodies.get(i % bodies.size());
                byte[] z = done.get(i).get();
                assertThat(z).isEqualTo(jdkGzip(b, b.length % 2 == 0));
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(z))) {
                    assertThat(in.readAllBytes()).isEqualTo(b);
                }
            }
        }
    }

    /**
     * The reason for {@link Gzip}: GZIPOutputStream pins its arrays while zlib works on them, and G1
     * then fails to evacuate their regions. Each way in a JVM of its own with a small young
     * generation ({@link GzipPinning}); the JDK's way shows that the test would see a pinned region.
     */
    @Test
    void compressingPinsNoRegionOfTheHeap(@TempDir Path dir) throws Exception {
        assertThat(evacuationFailuresPinned(dir, "jdk")).as("GZIPOutputStream: the test sees pinned regions").isPositive();
        assertThat(evacuationFailuresPinned(dir, "kept")).as("Gzip").isZero();
    }

    private static long evacuationFailuresPinned(Path dir, String way) throws Exception {
        Path log = dir.resolve(way + "-gc.log");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseG1GC",
                "-Xmx256m", "-Xmn16m", "-Xlog:gc:file=" + log, "-cp", System.getProperty("java.class.path"),
                GzipPinning.class.getName(), way).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.stream().filter(l -> l.contains("Pause Young")).count()).as("young collections in " + way).isGreaterThan(20);
        return lines.stream().filter(l -> l.contains("Evacuation Failure: Pinned")).count();
    }
}
