package de.wahlwerk.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The projection sums in {@code long} and turns a part's sums into rationals once per column; the
 * first version summed rationals district by district ({@link ReferenceProjector}). On random
 * areas with everything the method distinguishes — matched and unmatched polling districts,
 * postal districts with and without a previous total, parties new this time, parties that no
 * longer stand, parts with nothing reported — both must give the same exact point estimates and
 * the same intervals, bit for bit (the doubles are computed from the same values in the same order).
 */
class ProjectorAgreementTest {

    @Property(tries = 300)
    void theLongSumsAgreeWithTheRationalReference(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
            @ForAll @IntRange(min = 1, max = 120) int units) {
        Random rnd = new Random(seed);
        ProjectionInput input = randomArea(rnd, units);

        Optional<Projection> fast = new Projector(0.9).project(input);
        Optional<Projection> reference = new ReferenceProjector(0.9).project(input);

        assertThat(fast.isPresent()).isEqualTo(reference.isPresent());
        if (fast.isEmpty()) {
            return;
        }
        Projection a = fast.get();
        Projection b = reference.get();
        assertThat(a.unitsReported()).isEqualTo(b.unitsReported());
        assertThat(a.unitsExpected()).isEqualTo(b.unitsExpected());
        assertThat(a.shares().keySet()).containsExactlyElementsOf(b.shares().keySet());
        a.shares().forEach((group, estimate) -> assertThat(estimate).as(group).isEqualTo(b.shares().get(group)));
        assertThat(a.turnout()).isEqualTo(b.turnout());
    }

    @Property(tries = 50)
    void aLargeAreaAgreesToo(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        ProjectionInput input = randomArea(new Random(seed), 3_000);
        assertThat(new Projector(0.9).project(input)).isEqualTo(new ReferenceProjector(0.9).project(input));
    }

    private static ProjectionInput randomArea(Random rnd, int units) {
        String[] groups = {"A", "B", "C", "D", "NEW", "GONE"};
        double reportedShare = rnd.nextDouble();
        double postalShare = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble() * 0.5;
        double unmatchedShare = rnd.nextInt(3) == 0 ? 0 : rnd.nextDouble() * 0.3;
        List<ProjectionUnit> list = new ArrayList<>();
        List<Observation> previousPostal = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            boolean postal = rnd.nextDouble() < postalShare;
            Observation previous = observation(rnd, groups, postal, false);
            if (postal) {
                previousPostal.add(previous);
            }
            Observation current = rnd.nextDouble() < reportedShare ? observation(rnd, groups, postal, true) : null;
            boolean matched = !postal && rnd.nextDouble() >= unmatchedShare;
            list.add(new ProjectionUnit("U" + i, postal ? UnitKind.POSTAL : UnitKind.POLLING, current, matched ? previous : null));
        }
        // Sometimes the previous postal total is unknown, sometimes it covers other districts than now.
        Observation postalTotal = rnd.nextInt(5) == 0 || previousPostal.isEmpty() ? null : Observation.sum(previousPostal);
        return new ProjectionInput(list, postalTotal);
    }

    private static Observation observation(Random rnd, String[] groups, boolean postal, boolean now) {
        Map<String, Long> votes = new TreeMap<>();
        long voters = 0;
        for (String g : groups) {
            if (now ? g.equals("GONE") : g.equals("NEW")) {
                continue;
            }
            long v = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 400 : 40);
            votes.put(g, v);
            voters += v;
        }
        voters += rnd.nextInt(20); // invalid ballots
        long eligible = postal ? 0 : voters + rnd.nextInt(600);
        return new Observation(eligible, voters, votes);
    }
}
