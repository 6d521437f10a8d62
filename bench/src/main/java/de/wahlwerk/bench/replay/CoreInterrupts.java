package de.wahlwerk.bench.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Interrupts one core received from other cores, from the kernel's {@code /proc/interrupts}
 * (Linux): function calls ("CAL", with "TLB" shootdowns where the kernel counts those apart) and
 * reschedule requests ("RES"). Traced on a replay's night (docs/PERFORMANCE.md, session 17), they
 * were nearly all wake-ups of a thread that last ran on that core by a thread on the other one.
 * On the public listener's core only the listener, wrk and the collector's pause workers run, so
 * there they are the pause workers woken for each collection and the listener woken after each
 * safepoint; nginx, a process of its own, is woken by neither. A read run whose p99
 * rose with these counts was interrupted, not slowed by its own work.
 * <p>
 * {@code devices} counts the devices' interrupts (the numbered lines): on the VM of session 25 the
 * disk's completions all went to the listener's core, a few hundred a second while reports were
 * confirmed (each commit's flush, each snapshot written), with the block layer's deferred work after
 * each. {@link CpuPinning} moves them to the other cores where the kernel lets it.
 */
record CoreInterrupts(long calls, long reschedules, long devices) {

    static final CoreInterrupts UNKNOWN = new CoreInterrupts(-1, -1, -1);

    private static final Path PROC = Path.of("/proc/interrupts");

    /** The counts of core {@code cpu} now; {@link #UNKNOWN} where /proc cannot tell. */
    static CoreInterrupts of(int cpu) {
        if (cpu < 0) {
            return UNKNOWN; // no core of its own: nothing to count, nothing to read
        }
        try {
            return parse(Files.readAllLines(PROC), cpu);
        } catch (IOException | RuntimeException notLinux) {
            return UNKNOWN;
        }
    }

    /** The counts of core {@code cpu} in the text of {@code /proc/interrupts}. */
    static CoreInterrupts parse(List<String> lines, int cpu) {
        if (cpu < 0 || lines.isEmpty()) {
            return UNKNOWN;
        }
        int cpus = lines.getFirst().trim().split("\\s+").length;
        if (cpu >= cpus) {
            return UNKNOWN;
        }
        long calls = -1;
        long reschedules = -1;
        long devices = 0;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length <= cpus) {
                continue;
            }
            long n = Long.parseLong(f[1 + cpu]);
            switch (f[0]) {
                case "CAL:", "TLB:" -> calls = Math.max(calls, 0) + n;
                case "RES:" -> reschedules = n;
                default -> {
                    if (isDevice(f[0])) {
                        devices += n;
                    }
                }
            }
        }
        return calls < 0 || reschedules < 0 ? UNKNOWN : new CoreInterrupts(calls, reschedules, devices);
    }

    /** A device's line begins with its interrupt number ("36:"); the kernel's own with letters. */
    static boolean isDevice(String label) {
        return label.length() > 1 && label.endsWith(":") && label.chars().limit(label.length() - 1).allMatch(Character::isDigit);
    }

    /** What arrived between {@code before} and this; {@link #UNKNOWN} if either is. */
    CoreInterrupts since(CoreInterrupts before) {
        return calls < 0 || before.calls < 0 ? UNKNOWN
                : new CoreInterrupts(calls - before.calls, reschedules - before.reschedules, devices - before.devices);
    }
}
