package de.wahlwerk.server.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Run in a JVM of its own by {@link GzipTest}: two threads compress fresh bodies for a few seconds
 * while a third makes garbage, so that G1 collects the young bodies many times a second. Its GC
 * log then says whether a collection found a region pinned by native code.
 * Argument: {@code jdk} (GZIPOutputStream) or {@code kept} ({@link Gzip}).
 */
final class GzipPinning {

    private GzipPinning() {}

    public static void main(String[] args) throws Exception {
        boolean jdk = args[0].equals("jdk");
        long until = System.nanoTime() + 4_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int seed = t;
            threads.add(Thread.ofPlatform().start(() -> {
                Random r = new Random(seed);
                long sum = 0;
                while (System.nanoTime() < until) {
                    byte[] body = new byte[200_000];
                    for (int i = 0; i < body.length; i += 7) {
                        body[i] = (byte) r.nextInt(40);
                    }
                    sum += (jdk ? jdkGzip(body) : Gzip.compress(body, false)).length;
                }
                System.out.println("compressed " + sum);
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            List<byte[]> keep = new ArrayList<>();
            while (System.nanoTime() < until) {
                keep.add(new byte[64 * 1024]);
                if (keep.size() > 64) {
                    keep.clear();
                }
            }
        }));
        for (Thread t : threads) {
            t.join();
        }
    }

    private static byte[] jdkGzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
