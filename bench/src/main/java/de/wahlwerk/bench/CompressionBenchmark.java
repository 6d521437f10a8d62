package de.wahlwerk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What compressing a large published file costs at gzip's fastest and default level: a published
 * results CSV of the whole country (kerg2021_2.csv, 1.8 MB, from {@code WAHLWERK_FIXTURES} or
 * {@code ../shared/data}). The public site compresses files from 256 KiB on at the fastest level
 * ({@code PublishedPage.FAST_FROM_BYTES}); the compressed size of each level is printed at set-up.
 * Run as {@code ProjectionBenchmark} says, with {@code CompressionBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompressionBenchmark {

    @Param({"1", "6"})
    int level;

    byte[] body;

    @org.openjdk.jmh.annotations.Setup
    public void setUp() throws IOException {
        Path data = Path.of(System.getenv().getOrDefault("WAHLWERK_FIXTURES", "../shared/data"));
        body = Files.readAllBytes(data.resolve("btw2021-kerg/kerg2021_2.csv"));
        System.out.printf("%nlevel %d: %,d bytes compressed to %,d%n", level, body.length, compress().length);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] compress() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        Deflater d = new Deflater(level, true);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, d, 64 * 1024)) {
            z.write(body);
        } finally {
            d.end();
        }
        return out.toByteArray();
    }
}
