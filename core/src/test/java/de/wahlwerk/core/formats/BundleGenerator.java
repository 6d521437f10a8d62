package de.wahlwerk.core.formats;

import de.wahlwerk.core.formats.ElectionBundle.Area;
import de.wahlwerk.core.formats.ElectionBundle.Candidate;
import de.wahlwerk.core.formats.ElectionBundle.Election;
import de.wahlwerk.core.formats.ElectionBundle.Nomination;
import de.wahlwerk.core.formats.ElectionBundle.PollingStation;
import de.wahlwerk.core.formats.ElectionBundle.Unit;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Generates valid bundles from a seed, with awkward text (";", quotes, umlauts, line breaks). */
final class BundleGenerator {

    private static final String[] WORDS = {"Nord", "Süd", "Groß-Umstadt", "St. Jürgen", "\"Am Anger\"", "A;B",
            "Zeile1\nZeile2", "Ölmühle", "ß", "Weende", "Île"};

    private final Random random;

    BundleGenerator(long seed) {
        this.random = new Random(seed);
    }

    ElectionBundle bundle() {
        List<Area> areas = new ArrayList<>();
        Map<String, List<Area>> byHierarchy = new LinkedHashMap<>();
        List<String> hierarchies = random.nextBoolean()
                ? List.of("admin", "bundestag") : List.of("admin");
        for (String h : hierarchies) {
            List<Area> tree = new ArrayList<>();
            Area root = new Area(h, AreaLevel.STATE, "R" + random.nextInt(100), text(), null);
            tree.add(root);
            int n = 1 + random.nextInt(8);
            for (int i = 0; i < n; i++) {
                Area parent = tree.get(random.nextInt(tree.size()));
                AreaLevel level = AreaLevel.values()[1 + random.nextInt(AreaLevel.values().length - 1)];
                tree.add(new Area(h, level, "K" + i, text(), parent.key()));
            }
            byHierarchy.put(h, tree);
            areas.addAll(tree);
        }
        List<PollingStation> stations = new ArrayList<>();
        int s = random.nextInt(4);
        for (int i = 0; i < s; i++) {
            stations.add(new PollingStation("WR" + i, text(), maybe(text()), random.nextBoolean() ? null : "3707" + i,
                    maybe(text()), random.nextBoolean(), maybe(text()), maybe("0551 " + random.nextInt(9999))));
        }
        List<Unit> units = new ArrayList<>();
        int u = 1 + random.nextInt(6);
        for (int i = 0; i < u; i++) {
            UnitKind kind = random.nextInt(3) == 0 ? UnitKind.POSTAL : UnitKind.POLLING;
            Map<String, String> areaKeys = new LinkedHashMap<>();
            Map<String, String> drawn = areaKeys;
            byHierarchy.forEach((h, tree) -> drawn.put(h, tree.get(random.nextInt(tree.size())).key()));
            // Counted with an earlier district (not itself counted with another): of its kind and in its areas.
            Unit host = i > 0 && random.nextInt(4) == 0 ? units.get(random.nextInt(i)) : null;
            String countedWith = null;
            if (host != null && host.countedWithKey() == null) {
                countedWith = host.key();
                kind = host.kind();
                areaKeys = new LinkedHashMap<>(host.areaKeys());
            }
            String station = kind == UnitKind.POLLING && !stations.isEmpty() && random.nextBoolean()
                    ? stations.get(random.nextInt(stations.size())).key() : null;
            units.add(new Unit(String.format("%03d", 100 + i), text(), kind, station, areaKeys, countedWith));
        }
        LocalDate date = LocalDate.of(2020 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
        List<Election> elections = new ArrayList<>();
        int e = 1 + random.nextInt(3);
        for (int i = 0; i < e; i++) {
            ElectionKind kind = ElectionKind.values()[random.nextInt(ElectionKind.values().length)];
            String h = random.nextBoolean() ? hierarchies.get(random.nextInt(hierarchies.size())) : null;
            boolean cumulative = kind.usesCumulativeVoting();
            List<Nomination> nominations = new ArrayList<>();
            for (VoteKind vote : kind.voteKinds()) {
                String area = h == null ? null : byHierarchy.get(h).get(random.nextInt(byHierarchy.get(h).size())).key();
                int n = random.nextInt(4);
                for (int p = 1; p <= n; p++) {
                    List<Candidate> candidates = new ArrayList<>();
                    int c = random.nextInt(4);
                    for (int q = 1; q <= c; q++) {
                        candidates.add(new Candidate(q, text(), text(), random.nextBoolean() ? "Dr." : null, maybe(text()),
                                random.nextBoolean() ? null : date.getYear() - 18 - random.nextInt(80), maybe(text())));
                    }
                    nominations.add(new Nomination(vote, area, p, "L" + p + (random.nextBoolean() ? ";x" : ""), text(),
                            GroupKind.values()[random.nextInt(GroupKind.values().length)], candidates));
                }
            }
            elections.add(new Election("E" + i, kind, text(), date, random.nextBoolean() ? 1 + random.nextInt(100) : null,
                    cumulative ? 1 + random.nextInt(60) : null, cumulative ? 3 : null, h, nominations));
        }
        return new ElectionBundle(areas, stations, units, elections);
    }

    private String text() {
        return WORDS[random.nextInt(WORDS.length)] + " " + random.nextInt(1000);
    }

    private String maybe(String s) {
        return random.nextBoolean() ? s : null;
    }
}
