package de.wahlwerk.bench;

import de.wahlwerk.core.tally.AreaSnapshot;
import de.wahlwerk.core.tally.LatestReport;
import de.wahlwerk.core.tally.Tally;
import de.wahlwerk.core.tally.TallyEvent;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Random;

/**
 * Memory of the national tally ({@link NationalStructure}), measured two ways:
 *
 * <ul>
 *   <li><b>Counted:</b> the {@code long[]} payload of every area snapshot, read reflectively
 *       (field {@code data} of {@link AreaSnapshot}), as {@code 16 + 8 × length} bytes per array
 *       (compressed-oops array header). Exact for the arrays, excludes the small snapshot objects.
 *       Likewise the latest unit vectors the writer keeps (field {@code unitVectors} of {@link Tally}).</li>
 *   <li><b>Heap delta:</b> used heap after full GCs with the fully reported tally reachable, minus
 *       used heap with only structure and reports reachable. Includes the unit vectors and
 *       snapshot objects; run with {@code -XX:+UseSerialGC} for a stable figure.</li>
 * </ul>
 *
 * plus the bytes one correction allocates (thread allocation counter, mean over 20,000 reports
 * after 20,000 warm-up reports).
 *
 * <p>Run: {@code java -XX:+UseSerialGC -Xmx2g -cp ... de.wahlwerk.bench.TallyMemory}
 */
public final class TallyMemory {

    public static void main(String[] args) throws Exception {
        long empty = usedAfterGc();
        NationalStructure national = new NationalStructure();
        long withStructure = usedAfterGc();
        Random rnd = new Random(42);
        List<LatestReport> reports = national.allReports(rnd);
        long base = usedAfterGc();
        Tally tally = Tally.rebuild(national.structure, reports, 0);
        long withTally = usedAfterGc();

        Field data = AreaSnapshot.class.getDeclaredField("data");
        data.setAccessible(true);
        long arrays = 0;
        long longs = 0;
        int count = 0;
        int max = 0;
        java.util.Map<de.wahlwerk.core.model.AreaLevel, java.util.LongSummaryStatistics> perLevel =
                new java.util.TreeMap<>();
        for (AreaSnapshot s : tally.snapshots()) {
            long[] d = (long[]) data.get(s);
            perLevel.computeIfAbsent(s.area().level(), l -> new java.util.LongSummaryStatistics()).accept(d.length);
            arrays += 16 + 8L * d.length;
            longs += d.length;
            max = Math.max(max, d.length);
            count++;
        }
        System.out.printf("areas: %d, groups in the election: %d%n", count, national.structure.groups().size());
        System.out.printf("snapshot long[] payload (counted): %,d bytes (%,d longs, mean %.0f, max %d per area)%n",
                arrays, longs, (double) longs / count, max);
        Field uv = Tally.class.getDeclaredField("unitVectors");
        uv.setAccessible(true);
        long[][] vectors = (long[][]) uv.get(tally);
        long unitBytes = 16 + 4L * vectors.length;
        for (long[] v : vectors) {
            unitBytes += v == null ? 0 : 16 + 8L * v.length;
        }
        perLevel.forEach((level, st) -> System.out.printf("  %-13s %,6d areas, longs per area: min %d, mean %.0f, max %d%n",
                level, st.getCount(), st.getMin(), st.getAverage(), st.getMax()));
        System.out.printf("structure incl. specs (heap delta after GC): %,d bytes%n", withStructure - empty);
        System.out.printf("latest unit vectors (counted): %,d bytes%n", unitBytes);
        System.out.printf("retained by the tally (heap delta after GC): %,d bytes%n", withTally - base);

        Counts64 alt = new Counts64(rnd);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long seq = 0;
        int next = 0;
        for (int round = 0; round < 2; round++) {
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 20_000; i++) {
                int u = (next = (next + 7919) % NationalStructure.UNITS) % 6 == 5 ? (next + 1) % NationalStructure.UNITS : next;
                tally.apply(new TallyEvent.ReportConfirmed(++seq, national.unitKeys.get(u), alt.get(seq)));
            }
            long per = (threads.getThreadAllocatedBytes(tid) - before) / 20_000;
            if (round == 1) {
                System.out.printf("allocated per applied report (incl. event and outcome): %,d bytes%n", per);
            }
        }
        // Reports must stay reachable for both heap readings, or the delta would subtract them.
        java.lang.ref.Reference.reachabilityFence(reports);
    }

    private record Counts64(de.wahlwerk.core.model.Counts[] all) {
        Counts64(Random rnd) {
            this(new de.wahlwerk.core.model.Counts[64]);
            for (int i = 0; i < all.length; i++) {
                all[i] = NationalStructure.randomCounts(rnd, false);
            }
        }

        de.wahlwerk.core.model.Counts get(long seq) {
            return all[(int) (seq & 63)];
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
