package de.wahlwerk.core.formats;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.Fixtures;
import de.wahlwerk.core.model.AreaLevel;
import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.VoteCounts;
import de.wahlwerk.core.model.VoteKind;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Bundeswahlleiterin's kerg2 files import completely and add up (figures from SOURCE.md). */
class Kerg2RealFilesTest {

    private static final String INDEPENDENTS = "Einzelbewerber/Wählergruppe";

    private final Kerg2Reader reader = new Kerg2Reader();

    @Test
    void bundestag2025() throws Exception {
        KergResult r = reader.read(Fixtures.file("btw2025-kerg2/kerg2.csv"));
        assertThat(r.electionType()).isEqualTo("BT");
        assertThat(r.electionDay()).isEqualTo(LocalDate.of(2025, 2, 23));
        assertThat(r.status()).isEqualTo("Endgültig");
        assertThat(r.areas()).hasSize(1 + 16 + 299);
        assertThat(r.states()).hasSize(16);
        assertThat(r.constituencies()).hasSize(299);
        KergArea bund = r.federation();
        assertThat(bund.key()).isEqualTo("99");
        assertThat(bund.parentKey()).isNull();
        assertThat(bund.line()).isEqualTo(11);
        assertThat(bund.counts().eligible()).isEqualTo(60_510_631L);
        assertThat(bund.counts().voters()).isEqualTo(49_928_653L);
        assertThat(bund.counts().votes(VoteKind.FIRST).invalid()).isEqualTo(423_264L);
        assertThat(bund.counts().votes(VoteKind.SECOND).invalid()).isEqualTo(279_141L);
        assertThat(bund.previous().eligible()).isEqualTo(61_172_771L);
        // SOURCE.md: Vorp values are the 2021 result after the Berlin repeat election
        assertThat(secondVotes(bund, "SPD", true)).isEqualTo(11_901_558L);
        assertAddsUp(r);

        KergArea wk1 = r.area(AreaLevel.CONSTITUENCY, "001").orElseThrow();
        assertThat(wk1.name()).isEqualTo("Flensburg – Schleswig");
        assertThat(wk1.parentLevel()).isEqualTo(AreaLevel.STATE);
        assertThat(wk1.parentKey()).isEqualTo("01");
        assertThat(wk1.elected()).isEqualTo(KergArea.NO_SEAT);
        KergGroup eb = wk1.group("EB:Krüger-Winands").orElseThrow();
        assertThat(eb.kind()).isEqualTo(GroupKind.INDEPENDENT);
        assertThat(eb.position()).isEqualTo(14);
        assertThat(wk1.counts().votes(VoteKind.FIRST).votesFor(14)).isEqualTo(471L);
        assertThat(wk1.counts().votes(VoteKind.SECOND).perNomination()).containsEntry(14, null);
        assertThat(wk1.groups().getLast().isOthers()).isTrue();
        assertThat(wk1.previous().votes(VoteKind.FIRST).votesFor(KergGroup.OTHERS_POSITION)).isEqualTo(384L);

        // Gewählt as counted in SOURCE.md
        Map<String, Long> elected = r.constituencies().stream()
                .collect(Collectors.groupingBy(KergArea::elected, TreeMap::new, Collectors.counting()));
        assertThat(elected).containsExactlyInAnyOrderEntriesOf(Map.of("CDU", 128L, "SPD", 44L, "CSU", 44L, "AfD", 42L,
                "GRÜNE", 12L, "Die Linke", 6L, KergArea.NO_SEAT, 23L));
        // a named winner is the party with the most first votes
        for (KergArea wk : r.constituencies()) {
            wk.electedParty().ifPresent(party -> assertThat(firstVoteWinner(wk)).as(wk.key()).isEqualTo(party));
        }
        assertThat(r.states()).allMatch(s -> s.elected() == null);
    }

    @Test
    void bundestag2021LongFormatWithoutPreamble() throws Exception {
        KergResult r = reader.read(Fixtures.file("btw2021-kerg/kerg2021_2.csv"));
        assertThat(r.status()).isNull();
        assertThat(r.electionDay()).isEqualTo(LocalDate.of(2021, 9, 26));
        assertThat(r.areas()).hasSize(1 + 16 + 299);
        KergArea bund = r.federation();
        assertThat(bund.line()).isEqualTo(2);
        assertThat(bund.counts().eligible()).isEqualTo(61_181_072L);
        assertThat(bund.counts().voters()).isEqualTo(46_854_508L);
        assertThat(secondVotes(bund, "SPD", false)).isEqualTo(11_955_434L);
        long seatParties = 0;
        for (String p : List.of("CDU", "SPD", "AfD", "FDP", "DIE LINKE", "GRÜNE", "CSU", "SSW")) {
            seatParties += secondVotes(bund, p, false);
        }
        assertThat(seatParties).isEqualTo(42_436_276L);
        assertThat(r.constituencies()).allMatch(wk -> wk.elected() == null);
        assertAddsUp(r);
    }

    /**
     * For every party and vote: Bund = sum of the Länder = sum of the Wahlkreise, and each Land =
     * sum of its Wahlkreise. Independents stand individually ("EB:…") in Wahlkreise and as one
     * aggregate above, so they are compared as that aggregate.
     */
    private static void assertAddsUp(KergResult r) {
        KergArea bund = r.federation();
        for (VoteKind kind : List.of(VoteKind.FIRST, VoteKind.SECOND)) {
            Map<String, Long> federal = byGroup(List.of(bund), kind);
            assertThat(byGroup(r.states(), kind)).as("Länder %s", kind).isEqualTo(federal);
            assertThat(byGroup(r.constituencies(), kind)).as("Wahlkreise %s", kind).isEqualTo(federal);
            for (KergArea land : r.states()) {
                List<KergArea> wks = r.children(land);
                assertThat(wks).isNotEmpty();
                assertThat(byGroup(wks, kind)).as("Land %s %s", land.key(), kind).isEqualTo(byGroup(List.of(land), kind));
            }
            assertThat(sum(r.states(), a -> true, a -> a.counts().votes(kind).valid()))
                    .isEqualTo(bund.counts().votes(kind).valid());
            assertThat(sum(r.constituencies(), a -> true, a -> a.counts().votes(kind).invalid()))
                    .isEqualTo(bund.counts().votes(kind).invalid());
        }
        assertThat(sum(r.constituencies(), a -> true, a -> a.counts().eligible())).isEqualTo(bund.counts().eligible());
        assertThat(sum(r.states(), a -> true, a -> a.counts().voters())).isEqualTo(bund.counts().voters());
        assertThat(r.children(bund)).hasSize(16);
    }

    /** Votes per group name over areas; all independents under one name; empty cells skipped. */
    private static Map<String, Long> byGroup(List<KergArea> areas, VoteKind kind) {
        Map<String, Long> m = new TreeMap<>();
        for (KergArea a : areas) {
            VoteCounts v = a.counts().votes(kind);
            for (KergGroup g : a.groups()) {
                Long n = v.votesFor(g.position());
                if (n != null) {
                    String name = g.kind() == GroupKind.INDEPENDENT ? INDEPENDENTS : g.name();
                    m.merge(name, n, Math::addExact);
                }
            }
        }
        return m;
    }

    private static long sum(List<KergArea> areas, Predicate<KergArea> filter, java.util.function.Function<KergArea, Long> f) {
        return areas.stream().filter(filter).map(f).mapToLong(Long::longValue).sum();
    }

    private static long secondVotes(KergArea area, String party, boolean previous) {
        int pos = area.group(party).orElseThrow().position();
        return (previous ? area.previous() : area.counts()).votes(VoteKind.SECOND).votesFor(pos);
    }

    private static String firstVoteWinner(KergArea wk) {
        VoteCounts v = wk.counts().votes(VoteKind.FIRST);
        return wk.groups().stream()
                .filter(g -> v.votesFor(g.position()) != null)
                .max(Comparator.comparingLong(g -> v.votesFor(g.position())))
                .orElseThrow().name();
    }
}
