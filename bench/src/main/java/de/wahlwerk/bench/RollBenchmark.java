package de.wahlwerk.bench;

import de.wahlwerk.core.formats.ResidentRegisterReader;
import de.wahlwerk.core.formats.StreetIndexReader;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.register.Assignment;
import de.wahlwerk.core.register.Eligibility;
import de.wahlwerk.core.register.EligibilityRules;
import de.wahlwerk.core.register.State;
import de.wahlwerk.core.register.StreetIndex;
import de.wahlwerk.core.register.StreetRule;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Timed main (not JMH: one run is seconds long and streams a file): import of a generated
 * resident register with N persons (default 1,000,000), eligibility for a Bundestag and a
 * municipal election, and assignment to polling districts by a street index of 2,000 streets
 * (whole streets, split ranges, odd/even sides, suffix bounds, overlaps, unknown streets).
 *
 * <p>Measures each run's wall time and the peak used heap (sum of the heap pools' peaks, reset
 * before the run). Run: {@code java -Xmx2g -XX:+UseSerialGC -cp ... de.wahlwerk.bench.RollBenchmark [N]}
 */
public final class RollBenchmark {

    static final LocalDate DAY = LocalDate.of(2026, 9, 13);

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("wahlwerk-roll");
        Path register = dir.resolve("melderegister.csv");
        Path streets = dir.resolve("strassenverzeichnis.csv");
        int streetCount = 2000;
        generate(register, streets, n, streetCount, 300);
        System.out.printf("register %,d persons, %,d bytes; street index %,d bytes%n", n, Files.size(register),
                Files.size(streets));
        List<StreetRule> rules;
        try (InputStream in = Files.newInputStream(streets)) {
            rules = StreetIndexReader.read(in, "strassenverzeichnis.csv");
        }
        StreetIndex index = new StreetIndex(rules);
        Eligibility federal = new Eligibility(EligibilityRules.of(ElectionKind.BUNDESTAG, State.NI, DAY,
                EligibilityRules.defaultCutoff(DAY)));
        Eligibility municipal = new Eligibility(EligibilityRules.of(ElectionKind.MUNICIPAL_COUNCIL, State.NI, DAY,
                EligibilityRules.defaultCutoff(DAY)));
        for (int run = 0; run < 4; run++) {
            String label = run == 0 ? "warm-up" : "run " + run;
            // Phase 1: reading and checking only.
            long[] readOnly = measure(() -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(register), 1 << 16)) {
                    return ResidentRegisterReader.read(in, "melderegister.csv", r -> { });
                }
            });
            // Phase 2: reading + eligibility for two elections + assignment, counts per district.
            Map<String, long[]> perUnit = new HashMap<>();
            long[] unassigned = new long[Assignment.Problem.values().length];
            long[] eligible = new long[2];
            long[] full = measure(() -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(register), 1 << 16)) {
                    return ResidentRegisterReader.read(in, "melderegister.csv", r -> {
                        boolean f = federal.decide(r).isEmpty();
                        boolean m = municipal.decide(r).isEmpty();
                        if (f) {
                            eligible[0]++;
                        }
                        if (m) {
                            eligible[1]++;
                        }
                        if (f || m) {
                            Assignment a = index.assign(r.street(), r.postalCode(), r.houseNumber());
                            if (a.assigned()) {
                                long[] c = perUnit.computeIfAbsent(a.unitKey(), k -> new long[2]);
                                c[0] += f ? 1 : 0;
                                c[1] += m ? 1 : 0;
                            } else {
                                unassigned[a.problem().ordinal()]++;
                            }
                        }
                    });
                }
            });
            System.out.printf("%-8s read+check %,6d ms (peak heap %,5d MB) | read+eligibility+assignment %,6d ms "
                    + "(peak heap %,5d MB, %,.0f persons/s)%n", label, readOnly[1], readOnly[2] >> 20, full[1],
                    full[2] >> 20, full[0] * 1000.0 / full[1]);
            if (run == 3) {
                System.out.printf("eligible: Bundestag %,d, municipal (NI) %,d; districts %d; unassigned %s%n",
                        eligible[0], eligible[1], perUnit.size(), Arrays.toString(unassigned));
            }
        }
        Files.delete(register);
        Files.delete(streets);
        Files.delete(dir);
    }

    interface Work {
        long run() throws Exception;
    }

    /** {rows, milliseconds, peak used heap bytes}. */
    static long[] measure(Work work) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        long rows = work.run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new long[] {rows, ms, peak};
    }

    static void generate(Path register, Path streets, int n, int streetCount, int units) throws Exception {
        Random random = new Random(20260913);
        String[] unitKeys = new String[units];
        for (int u = 0; u < units; u++) {
            unitKeys[u] = String.format("%04d", u + 1);
        }
        List<String> names = new ArrayList<>();
        try (BufferedWriter w = Files.newBufferedWriter(streets, StandardCharsets.UTF_8)) {
            w.write("strasse;plz;von;bis;seite;wahlbezirk\n");
            for (int s = 0; s < streetCount; s++) {
                String name = "Weg " + s + "straße";
                names.add(s % 2 == 0 ? name : "Weg " + s + "str.");
                String a = unitKeys[random.nextInt(units)];
                String b = unitKeys[random.nextInt(units)];
                int split = 10 + 2 * random.nextInt(20);
                switch (s % 7) {
                    case 0 -> w.write(name + ";;;;A;" + a + "\n");
                    case 1 -> w.write(name + ";;;" + split + ";A;" + a + "\n" + name + ";;" + (split + 1) + ";;A;" + b + "\n");
                    case 2 -> w.write(name + ";;;;U;" + a + "\n" + name + ";;;;G;" + b + "\n");
                    case 3 -> w.write(name + ";;1;" + split + "a;A;" + a + "\n" + name + ";;" + split + "b;999;A;" + b + "\n");
                    case 4 -> w.write(name + ";;;;A;" + a + "\n" + name + ";37075;;;A;" + b + "\n");
                    case 5 -> w.write(name + ";;1;" + (split + 6) + ";A;" + a + "\n" + name + ";;" + split + ";60;A;" + b + "\n");
                    default -> { } // not in the index
                }
            }
        }
        String[] nats = {"DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE", "DE,TR", "PL", "IT", "TR", "SY", "UA"};
        try (BufferedWriter w = Files.newBufferedWriter(register, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE)) {
            w.write("melderegister_id;familienname;vornamen;geburtsname;geburtsdatum;geschlecht;staatsangehoerigkeiten;"
                    + "strasse;hausnummer;plz;ort;zuzug;zuzug_aus_ausland;wohnungsstatus;wahlrechtsausschluss\n");
            StringBuilder sb = new StringBuilder(200);
            for (int i = 0; i < n; i++) {
                sb.setLength(0);
                LocalDate birth = DAY.minusDays(random.nextInt(95 * 365));
                LocalDate moved = random.nextInt(20) == 0 ? DAY.minusDays(random.nextInt(130))
                        : DAY.minusDays(130 + random.nextInt(30 * 365));
                sb.append("P").append(i).append(";Familienname").append(i % 5000).append(";Vorname").append(i % 700)
                        .append(';').append(i % 5 == 0 ? "Geburtsname" : "").append(';').append(birth).append(';')
                        .append("mwdx".charAt(random.nextInt(4))).append(';').append(nats[random.nextInt(nats.length)])
                        .append(';').append(names.get(random.nextInt(names.size()))).append(';')
                        .append(1 + random.nextInt(70)).append(random.nextInt(8) == 0 ? "a" : "").append(';')
                        .append(random.nextInt(6) == 0 ? "37075" : "37073").append(";Musterstadt;").append(moved)
                        .append(';').append(random.nextInt(10) == 0 ? "J" : "N").append(';')
                        .append(random.nextInt(40) == 0 ? "N" : "H").append(';').append(random.nextInt(500) == 0 ? "J" : "N")
                        .append('\n');
                w.write(sb.toString());
            }
        }
    }
}
