package de.wahlwerk.core.check;

import de.wahlwerk.core.model.Counts;
import de.wahlwerk.core.model.ElectionKind;
import de.wahlwerk.core.model.UnitKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Valid reports to break one field at a time; {@link Form} is a mutable copy of the form letters. */
final class Reports {

    private Reports() {}

    /** The form as an office worker fills it: letters to numbers, null = empty. */
    static final class Form {
        Long a1 = 800L, a2 = 150L, a3 = 2L, a = 952L, b = 600L, b1 = 20L;
        Long c = 6L, d = 594L, e = 4L, f = 596L;
        Map<Integer, Long> dn = numbers(200, 150, 120, 80, 44);
        Map<Integer, Long> fn = numbers(190, 160, 110, 70, 40, 26);

        Counts counts() {
            Map<VoteKind, VoteCounts> votes = new EnumMap<>(VoteKind.class);
            votes.put(VoteKind.FIRST, new VoteCounts(c, d, dn));
            votes.put(VoteKind.SECOND, new VoteCounts(e, f, fn));
            return new Counts(a1, a2, a3, a, b, b1, votes);
        }

        Form with(Consumer<Form> change) {
            change.accept(this);
            return this;
        }
    }

    static Map<Integer, Long> numbers(long... values) {
        Map<Integer, Long> m = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(i + 1, values[i]);
        }
        return m;
    }

    /** A valid Bundestag polling district: A 952, B 600, C 6, D 594, E 4, F 596. */
    static Form bundestag() {
        return new Form();
    }

    static Map<VoteKind, Set<Integer>> bundestagBallot() {
        return Map.of(VoteKind.FIRST, Set.of(1, 2, 3, 4, 5), VoteKind.SECOND, Set.of(1, 2, 3, 4, 5, 6));
    }

    static ReportInput polling(Form form) {
        return ReportInput.of(ElectionKind.BUNDESTAG, UnitKind.POLLING, form.counts())
                .withBallot(bundestagBallot());
    }

    /** A valid Bundestag postal district: no roll, B = B1 = 300. */
    static Form postalForm() {
        return new Form().with(f -> {
            f.a1 = null;
            f.a2 = null;
            f.a3 = null;
            f.a = null;
            f.b = 300L;
            f.b1 = 300L;
            f.c = 3L;
            f.d = 297L;
            f.dn = numbers(100, 80, 60, 40, 17);
            f.e = 2L;
            f.f = 298L;
            f.fn = numbers(90, 80, 60, 40, 20, 8);
        });
    }

    static ReportInput postal(Form form) {
        return ReportInput.of(ElectionKind.BUNDESTAG, UnitKind.POSTAL, form.counts()).withBallot(bundestagBallot());
    }

    /**
     * A valid council polling district: N = 5, M = 3; B 100 ballots, C 4 invalid, 96 valid ballots;
     * list 1: 100 + 80 + 40 = 220, list 2: 90 + 70 = 160; D = 380.
     */
    static ReportInput council(Long b, Long c, Long d, Map<Integer, Long> lists, Map<Integer, CumulativeList> detail,
            CumulativeParameters parameters) {
        Counts counts = new Counts(1000L, 50L, 0L, 1050L, b, 10L,
                Map.of(VoteKind.CUMULATIVE, new VoteCounts(c, d, lists)));
        return new ReportInput(ElectionKind.MUNICIPAL_COUNCIL, List.of(VoteKind.CUMULATIVE), UnitKind.POLLING, counts,
                Map.of(VoteKind.CUMULATIVE, Set.of(1, 2)), parameters, detail, List.of(), CheckContext.NONE);
    }

    static Map<Integer, CumulativeList> councilDetail(long l1c1, long l2c2) {
        Map<Integer, CumulativeList> m = new LinkedHashMap<>();
        m.put(1, new CumulativeList(null, numbers(l1c1, 80, 40)));
        m.put(2, new CumulativeList(null, numbers(90, l2c2)));
        return m;
    }

    static ReportInput council() {
        return council(100L, 4L, 380L, numbers(220, 160), councilDetail(100, 70), new CumulativeParameters(5, 3, 5));
    }

    /** A valid referendum polling district with one question: 300 yes, 190 no, 10 invalid of B 500. */
    static ReportInput referendum(long invalid) {
        Counts counts = new Counts(1000L, 50L, 0L, 1050L, 500L, 10L, Map.of());
        return new ReportInput(ElectionKind.REFERENDUM, List.of(VoteKind.YES_NO), UnitKind.POLLING, counts, Map.of(),
                null, Map.of(), List.of(new ReferendumQuestion(1, 300L, 190L, invalid)), CheckContext.NONE);
    }
}
