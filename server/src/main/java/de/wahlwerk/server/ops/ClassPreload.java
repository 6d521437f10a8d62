package de.wahlwerk.server.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads, before the node opens its port, the classes that its requests and background threads
 * would otherwise load from the jars under the first crowd (ADR 0016).
 *
 * <p>A node restarted in a failover takes the clients' retries and the public readers from its
 * first second. A virtual thread that waits inside class loading pins its carrier, and with two
 * cores there are two carriers: when both wait for a jar that a platform thread holds while it
 * waits for a lock whose next owner is an unmounted virtual thread, nothing moves again (seen once
 * in CI, in the JDK's own class loader: the jar's monitor and the {@code Cleaner}'s list). Classes
 * loaded before the first request cannot take part in that.
 *
 * <p>The list ({@value #LIST}) is written by {@code bench/tools/preload-classes.sh} from nodes
 * that served a crowd and a replayed night; {@code StartUnderLoadIT} fails when a node started
 * into a crowd still loads classes from its jars. Names that no longer exist are counted and
 * skipped; classes are loaded, not initialised, so no static initialiser runs early.
 */
public final class ClassPreload {

    /** The class names, one per line, {@code #} starts a comment. */
    public static final String LIST = "startup/preload-classes.txt";

    /** What one preload did. */
    public record Result(int loaded, int missing, long millis) {}

    private static volatile Thread thread;
    private static volatile Result result;

    private ClassPreload() {}

    /**
     * Starts loading on a platform thread of its own, beside the application's start on
     * {@code main} (which leaves the second core mostly idle).
     */
    public static synchronized void start(ClassLoader loader) {
        if (thread == null) {
            thread = Thread.ofPlatform().name("wahlwerk-class-preload").daemon().start(() -> result = loadAll(loader));
        }
    }

    /**
     * Waits until a started preload is done and returns what it did; {@code null} if none was
     * started (tests that start the application in their own JVM, maintenance commands).
     */
    public static Result awaitDone() throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return null;
        }
        t.join();
        return result;
    }

    /** Loads every class of the list through {@code loader}. */
    static Result loadAll(ClassLoader loader) {
        long begin = System.nanoTime();
        int loaded = 0;
        int missing = 0;
        for (String name : names(loader)) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // Renamed since the list was written, or needs an optional library that is not
                // there (it would fail the same way when used): nothing to load.
                missing++;
            }
        }
        return new Result(loaded, missing, (System.nanoTime() - begin) / 1_000_000);
    }

    /** The names of the list; none where it is missing. */
    static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try (InputStream in = loader.getResourceAsStream(LIST)) {
            if (in == null) {
                return names;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + LIST, e);
        }
        return names;
    }
}
