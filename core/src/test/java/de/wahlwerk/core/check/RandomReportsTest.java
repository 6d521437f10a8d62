package de.wahlwerk.core.check;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Properties over seeded random reports: valid ones raise no error; changing one sum field by a
 * non-zero amount raises the error of that sum on its field.
 */
class RandomReportsTest {

    private static final int RUNS = 2_000;

    /** A random valid Bundestag report: polling (with a roll) or postal (B = B1, no roll). */
    private static Reports.Form valid(Random rnd, boolean postal) {
        Reports.Form f = new Reports.Form();
        long b = rnd.nextInt(2_500);
        long b1 = postal ? b : (b == 0 ? 0 : rnd.nextLong(b + 1));
        f.b = b;
        f.b1 = b1;
        if (postal) {
            f.a1 = null;
            f.a2 = null;
            f.a3 = null;
            f.a = null;
        } else {
            f.a1 = (b - b1) + rnd.nextInt(1_000);
            f.a2 = (long) rnd.nextInt(800);
            f.a3 = (long) rnd.nextInt(5);
            f.a = f.a1 + f.a2 + f.a3;
        }
        f.c = b == 0 ? 0 : rnd.nextLong(Math.min(b, 30) + 1);
        f.d = b - f.c;
        f.dn = split(rnd, f.d, 1 + rnd.nextInt(12));
        f.e = b == 0 ? 0 : rnd.nextLong(Math.min(b, 30) + 1);
        f.f = b - f.e;
        f.fn = split(rnd, f.f, 1 + rnd.nextInt(20));
        return f;
    }

    private static Map<Integer, Long> split(Random rnd, long total, int parts) {
        Map<Integer, Long> m = new TreeMap<>();
        long left = total;
        for (int i = 1; i < parts; i++) {
            long v = left == 0 ? 0 : rnd.nextLong(left + 1);
            m.put(i, v);
            left -= v;
        }
        m.put(parts, left);
        return m;
    }

    private static ReportInput input(Reports.Form f, boolean postal) {
        ReportInput in = postal ? Reports.postal(f) : Reports.polling(f);
        return in.withBallot(Map.of(VoteKind.FIRST, new TreeSet<>(f.dn.keySet()),
                VoteKind.SECOND, new TreeSet<>(f.fn.keySet())));
    }

    @Test
    void validReportsRaiseNoError() {
        Random rnd = new Random(20250223);
        for (int i = 0; i < RUNS; i++) {
            boolean postal = rnd.nextBoolean();
            Reports.Form f = valid(rnd, postal);
            CheckResult r = PlausibilityCheck.check(input(f, postal));
            assertThat(r.errors()).as("run %d: %s", i, f.counts()).isEmpty();
        }
    }

    @Test
    void oneChangedSumFieldRaisesItsError() {
        Random rnd = new Random(20210926);
        for (int i = 0; i < RUNS; i++) {
            Reports.Form f = valid(rnd, false);
            long delta = rnd.nextBoolean() ? 1 + rnd.nextInt(99) : -(1 + rnd.nextInt(99));
            List<String> expected = new ArrayList<>();
            switch (rnd.nextInt(6)) {
                case 0 -> {
                    f.a = shift(f.a, delta);
                    expected.add("E004@A");
                }
                case 1 -> {
                    f.d = shift(f.d, delta);
                    expected.addAll(List.of("E005@D", "E006@D"));
                }
                case 2 -> {
                    f.f = shift(f.f, delta);
                    expected.addAll(List.of("E005@F", "E006@F"));
                }
                case 3 -> {
                    f.c = shift(f.c, delta);
                    expected.add("E005@D");
                }
                case 4 -> {
                    int p = 1 + rnd.nextInt(f.dn.size());
                    f.dn.put(p, shift(f.dn.get(p), delta));
                    expected.add("E006@D");
                }
                default -> {
                    int p = 1 + rnd.nextInt(f.fn.size());
                    f.fn.put(p, shift(f.fn.get(p), delta));
                    expected.add("E006@F");
                }
            }
            List<String> found = Expect.found(input(f, false));
            assertThat(found).as("run %d", i).containsAll(expected);
            assertThat(found).as("run %d", i).allMatch(s -> s.startsWith("E"));
        }
    }

    /** Adds delta, reflecting at zero so that the result stays a different non-negative number. */
    private static long shift(long value, long delta) {
        long v = value + delta;
        return v >= 0 ? v : value + Math.abs(delta);
    }

    @Test
    void randomCouncilReportsRaiseNoError() {
        Random rnd = new Random(20200315);
        for (int i = 0; i < RUNS / 4; i++) {
            int n = 5 + rnd.nextInt(60);
            int m = 1 + rnd.nextInt(Math.min(3, n));
            long ballots = 10 + rnd.nextInt(800); // the council form has B1 = 10
            long invalid = rnd.nextLong(Math.min(ballots, 20) + 1);
            long valid = ballots - invalid;
            // each valid ballot gives between 1 and min(N, M × candidates) votes, at most M each
            Map<Integer, Map<Integer, Long>> candidates = new TreeMap<>();
            int lists = 1 + rnd.nextInt(6);
            for (int l = 1; l <= lists; l++) {
                candidates.put(l, new TreeMap<>());
                for (int c = 1; c <= 1 + rnd.nextInt(n); c++) {
                    candidates.get(l).put(c, 0L);
                }
            }
            long d = 0;
            for (long ballot = 0; ballot < valid; ballot++) {
                int votes = 1 + rnd.nextInt(n);
                for (int v = 0; v < votes; v++) {
                    int l = 1 + rnd.nextInt(lists);
                    Map<Integer, Long> cs = candidates.get(l);
                    int c = 1 + rnd.nextInt(cs.size());
                    cs.merge(c, 1L, Long::sum);
                    d++;
                }
            }
            // per-ballot cap M is not simulated; the unit-level cap M × valid ballots must still hold
            Map<Integer, Long> listTotals = new TreeMap<>();
            Map<Integer, CumulativeList> detail = new TreeMap<>();
            candidates.forEach((l, cs) -> {
                listTotals.put(l, cs.values().stream().mapToLong(Long::longValue).sum());
                detail.put(l, new CumulativeList(null, cs));
            });
            boolean capHolds = candidates.values().stream().flatMap(cs -> cs.values().stream())
                    .allMatch(v -> v <= (long) m * valid);
            ReportInput in = Reports.council(ballots, invalid, d, listTotals, detail, new CumulativeParameters(n, m, n))
                    .withBallot(Map.of(VoteKind.CUMULATIVE, Set.copyOf(listTotals.keySet())));
            List<String> found = Expect.found(in);
            if (capHolds) {
                assertThat(found).as("run %d", i).noneMatch(s -> s.startsWith("E"));
            } else {
                assertThat(found).as("run %d", i).allMatch(s -> s.startsWith("E015@"));
            }
        }
    }
}
