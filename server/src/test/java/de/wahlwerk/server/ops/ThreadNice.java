package de.wahlwerk.server.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;

/** Reads threads' nice values from Linux's /proc, as {@code top} and {@code ps -L} show them. */
public final class ThreadNice {

    private ThreadNice() {}

    /** Whether this system has a per-thread /proc (Linux). */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/thread-self/stat"));
    }

    /** The calling thread's nice value. */
    public static int current() throws IOException {
        return nice(Path.of("/proc/thread-self"));
    }

    /** The nice value of this process's thread with that name (the first one), if it runs. */
    public static OptionalInt ofThreadNamed(String name) throws IOException {
        // Linux keeps 15 characters of a thread's name.
        String comm = name.length() > 15 ? name.substring(0, 15) : name;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().equals(comm)) {
                        return OptionalInt.of(nice(task));
                    }
                } catch (IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return OptionalInt.empty();
    }

    private static int nice(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        // Field 2 (the name) is in parentheses and may hold spaces; field 19 is the nice value.
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[19 - 3]);
    }
}
