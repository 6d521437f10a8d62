package de.wahlwerk.server.ops;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that work in the background for the public site (rendering pages, building open data)
 * may run at a lower operating-system priority than the threads that serve requests
 * ({@code wahlwerk.background-nice}, off by default). Both compete for the same cores on election
 * night: a clerk's report is then answered first, and the background work, which coalesces
 * whatever queued meanwhile, takes larger and fewer rounds (ADR 0009).
 *
 * <p>Java's own thread priorities are ignored on Linux, so the thread's nice value is raised with
 * {@code setpriority(PRIO_PROCESS, gettid(), nice)}, which Linux applies to the one thread. Raising
 * it needs no privilege. Where that is not possible (another system, no native access), the
 * thread runs at normal priority and says so in the log.
 */
public final class BackgroundThreads {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);
    /** {@code PRIO_PROCESS} of {@code <sys/resource.h>}; on Linux a thread id names one thread. */
    private static final int PRIO_PROCESS = 0;

    /**
     * The C functions, looked up only when a priority is to be set: with the option off (the
     * default) no native access happens, and the JVM has nothing to warn about.
     */
    private static final class Native {
        static final MethodHandle GETTID;
        static final MethodHandle SETPRIORITY;

        static {
            MethodHandle gettid = null;
            MethodHandle setpriority = null;
            try {
                Linker linker = Linker.nativeLinker();
                var libc = linker.defaultLookup();
                var tid = libc.find("gettid");
                var prio = libc.find("setpriority");
                if (tid.isPresent() && prio.isPresent()) {
                    gettid = linker.downcallHandle(tid.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
                    setpriority = linker.downcallHandle(prio.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                }
            } catch (RuntimeException | LinkageError e) {
                log.info("Background threads run at normal priority: {}", e.toString());
            }
            GETTID = gettid;
            SETPRIORITY = setpriority;
        }
    }

    private BackgroundThreads() {}

    /**
     * A factory of daemon platform threads with the given name that lower their own priority to
     * {@code nice} (0 = unchanged, 1–19 lower) before they run their task.
     */
    public static ThreadFactory named(String name, int nice) {
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("nice must be 0..19, is " + nice);
        }
        ThreadFactory platform = Thread.ofPlatform().name(name).daemon().factory();
        return task -> platform.newThread(() -> {
            lowerCurrent(nice);
            task.run();
        });
    }

    /** Lowers the calling thread's priority to {@code nice}; false where the system does not allow it. */
    static boolean lowerCurrent(int nice) {
        if (nice == 0) {
            return true;
        }
        if (Native.SETPRIORITY == null) {
            return false;
        }
        try {
            int tid = (int) Native.GETTID.invokeExact();
            int rc = (int) Native.SETPRIORITY.invokeExact(PRIO_PROCESS, tid, nice);
            if (rc != 0) {
                log.info("Thread {} keeps its priority: setpriority returned {}", Thread.currentThread().getName(), rc);
            }
            return rc == 0;
        } catch (Throwable e) {
            log.info("Thread {} keeps its priority: {}", Thread.currentThread().getName(), e.toString());
            return false;
        }
    }
}
