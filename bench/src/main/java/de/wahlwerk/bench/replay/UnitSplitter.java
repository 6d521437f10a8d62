package de.wahlwerk.bench.replay;

import de.wahlwerk.core.formats.KergArea;
import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Splits a constituency's official result into polling and postal districts that look like real
 * ones and add up exactly to it: district sizes vary (0.4–1.6 of the mean), 30–45 % of the voters
 * vote by post (2025 nationally about 37 %), parties' strengths vary from district to district.
 * The same seed gives the same districts. Eligible voters live in polling districts only; postal
 * districts report voters and votes (§ 75 BWO).
 */
public final class UnitSplitter {

    private UnitSplitter() {}

    /** How many polling and postal districts a constituency gets, in proportion to its eligible voters. */
    public record Share(int polling, int postal) {}

    public static Map<String, Share> shares(List<KergArea> constituencies, int polling, int postal) {
        long all = constituencies.stream().mapToLong(c -> c.counts().eligible()).sum();
        Map<String, Share> out = new TreeMap<>();
        for (KergArea c : constituencies) {
            double f = c.counts().eligible() / (double) all;
            out.put(c.key(), new Share((int) Math.max(1, Math.round(polling * f)), (int) Math.max(1, Math.round(postal * f))));
        }
        return out;
    }

    public static List<SplitUnit> split(KergArea c, Share share, long seed) {
        Random rnd = new Random(seed * 31 + c.key().hashCode());
        Counts k = c.counts();
        long eligible = k.eligible();
        long voters = k.voters();
        List<VoteKind> kinds = List.of(VoteKind.FIRST, VoteKind.SECOND);
        for (VoteKind kind : kinds) {
            VoteCounts v = k.votes(kind);
            if (v.invalid() + v.valid() != voters || v.sumOfNominations() != v.valid()) {
                throw new IllegalArgumentException("constituency " + c.key() + ": " + kind
                        + " ballots do not add up to the voters, cannot split exactly");
            }
        }
        int p = share.polling();
        int q = share.postal();
        long postalVoters = Math.round(voters * (0.30 + 0.15 * rnd.nextDouble()));
        long pollingVoters = voters - postalVoters;
        // Polling cards: every postal voter had one, a few more were issued and not used or used at a station.
        long withCard = Math.min(eligible - pollingVoters, postalVoters + Math.round(postalVoters * 0.04));

        double[] size = new double[p];
        for (int i = 0; i < p; i++) {
            size[i] = 0.4 + 1.2 * rnd.nextDouble();
        }
        long[] a = Apportion.largestRemainder(eligible, size);
        long[] a2 = Apportion.largestRemainder(withCard, toDouble(a));
        double[] turnout = new double[p];
        for (int i = 0; i < p; i++) {
            turnout[i] = (a[i] - a2[i]) * (0.85 + 0.3 * rnd.nextDouble());
        }
        long[] b = Apportion.largestRemainder(pollingVoters, turnout);
        double[] postalSize = new double[q];
        for (int j = 0; j < q; j++) {
            postalSize[j] = 0.5 + rnd.nextDouble();
        }
        long[] bPostal = Apportion.largestRemainder(postalVoters, postalSize);

        List<long[]> shells = new ArrayList<>(); // {kind 0/1, index, A, A2, B}
        for (int i = 0; i < p; i++) {
            shells.add(new long[] {0, i, a[i], a2[i], b[i]});
        }
        for (int j = 0; j < q; j++) {
            shells.add(new long[] {1, j, 0, 0, bPostal[j]});
        }
        // Ballots are drawn from what is left of the constituency in a shuffled order, so that no
        // kind of district gets the leftovers.
        List<long[]> order = new ArrayList<>(shells);
        Collections.shuffle(order, rnd);
        Map<VoteKind, List<Integer>> positions = new EnumMap<>(VoteKind.class);
        Map<VoteKind, long[]> remaining = new EnumMap<>(VoteKind.class);
        for (VoteKind kind : kinds) {
            VoteCounts v = k.votes(kind);
            // Only nominations with a number stand on the ballot here (kerg2 leaves the others empty).
            List<Integer> pos = new TreeMap<>(v.perNomination()).entrySet().stream().filter(e -> e.getValue() != null)
                    .map(Map.Entry::getKey).toList();
            positions.put(kind, pos);
            long[] rem = new long[pos.size() + 1];
            rem[0] = v.invalid();
            for (int i = 0; i < pos.size(); i++) {
                Long n = v.perNomination().get(pos.get(i));
                rem[i + 1] = n == null ? 0 : n;
            }
            remaining.put(kind, rem);
        }
        List<SplitUnit> units = new ArrayList<>();
        for (long[] s : order) {
            UnitKind kind = s[0] == 0 ? UnitKind.POLLING : UnitKind.POSTAL;
            long unitVoters = s[4];
            Map<VoteKind, Long> invalid = new EnumMap<>(VoteKind.class);
            Map<VoteKind, Map<Integer, Long>> votes = new EnumMap<>(VoteKind.class);
            for (VoteKind vk : kinds) {
                long[] rem = remaining.get(vk);
                double[] tilt = new double[rem.length];
                for (int i = 0; i < tilt.length; i++) {
                    tilt[i] = Math.exp(0.25 * rnd.nextGaussian());
                }
                long[] drawn = Apportion.draw(unitVoters, rem, tilt);
                invalid.put(vk, drawn[0]);
                Map<Integer, Long> per = new TreeMap<>();
                List<Integer> pos = positions.get(vk);
                for (int i = 0; i < pos.size(); i++) {
                    per.put(pos.get(i), drawn[i + 1]);
                }
                votes.put(vk, per);
            }
            int n = (int) s[1] + 1;
            String key = c.key() + (kind == UnitKind.POLLING ? "-W" : "-B") + String.format("%03d", n);
            String name = (kind == UnitKind.POLLING ? "Wahlbezirk " : "Briefwahlbezirk ") + n + " " + c.name();
            long votersWithCard = kind == UnitKind.POSTAL ? unitVoters : Math.min(s[3], Math.round(unitVoters * 0.01));
            units.add(new SplitUnit(key, name.length() > 200 ? name.substring(0, 200) : name, kind, c.key(), s[2], s[3],
                    unitVoters, votersWithCard, invalid, votes));
        }
        units.sort(java.util.Comparator.comparing(SplitUnit::key));
        return units;
    }

    private static double[] toDouble(long[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
