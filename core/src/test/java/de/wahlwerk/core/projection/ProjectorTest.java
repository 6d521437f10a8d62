package de.wahlwerk.core.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.wahlwerk.core.arith.Rational;
import de.wahlwerk.core.model.UnitKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectorTest {

    static Observation obs(long eligible, long voters, long a, long b) {
        return new Observation(eligible, voters, Map.of("A", a, "B", b));
    }

    @Test
    void missingUnitGetsItsPreviousResultTimesTheSwing() {
        // Reported unit: A went 60 → 90 (×3/2), B 40 → 30 (×3/4). Missing unit had A 20, B 80 before.
        var input = new ProjectionInput(List.of(
                new ProjectionUnit("1", UnitKind.POLLING, obs(200, 120, 90, 30), obs(200, 100, 60, 40)),
                new ProjectionUnit("2", UnitKind.POLLING, null, obs(200, 100, 20, 80))), null);
        Projection p = new Projector(0.9).project(input).orElseThrow();
        // Final A = 90 + 20·3/2 = 120, B = 30 + 80·3/4 = 90: share of A = 120/210 = 4/7, exactly.
        assertThat(p.shares().get("A").value()).isEqualTo(Rational.of(4, 7));
        assertThat(p.shares().get("B").value()).isEqualTo(Rational.of(3, 7));
        // Turnout: voters 120 + 100·120/100 = 240 of 200 + 200·1 = 400.
        assertThat(p.turnout().value()).isEqualTo(Rational.of(3, 5));
        assertThat(p.shares().get("A").interval()).as("one unit leaves no degree of freedom").isNull();
    }

    @Test
    void newPartySwingsAgainstPreviousValidVotes() {
        var input = new ProjectionInput(List.of(
                new ProjectionUnit("1", UnitKind.POLLING,
                        new Observation(100, 100, Map.of("A", 50L, "B", 25L, "NEW", 25L)), obs(100, 100, 50, 50)),
                new ProjectionUnit("2", UnitKind.POLLING, null, obs(100, 100, 10, 190))), null);
        Projection p = new Projector(0.9).project(input).orElseThrow();
        // NEW got 25 per 100 previous valid votes → 50 of the missing unit's 200; A ×1 → 10, B ×1/2 → 95.
        // Totals A 60, B 120, NEW 75 of 255 (each group swings on its own; shares are renormalised).
        assertThat(p.shares().get("NEW").value()).isEqualTo(Rational.of(75, 255));
        assertThat(p.shares().get("A").value()).isEqualTo(Rational.of(60, 255));
    }

    @Test
    void postalPartBorrowsTheInPersonSwingUntilAPostalDistrictReports() {
        var polling = new ProjectionUnit("1", UnitKind.POLLING, obs(100, 60, 30, 30), obs(100, 60, 20, 40));
        var input = new ProjectionInput(List.of(polling,
                new ProjectionUnit("BW1", UnitKind.POSTAL, null, null),
                new ProjectionUnit("BW2", UnitKind.POSTAL, null, null)), new Observation(0, 100, Map.of("A", 40L, "B", 60L)));
        Projection p = new Projector(0.9).project(input).orElseThrow();
        // Swing A ×3/2, B ×3/4 applied to the previous postal total (40, 60): 60 and 45; plus 30/30.
        assertThat(p.shares().get("A").value()).isEqualTo(Rational.of(90, 165));
    }

    @Test
    void completeAreaProjectsItselfWithAZeroWidthInterval() {
        var units = new java.util.ArrayList<ProjectionUnit>();
        long[][] now = {{30, 70}, {50, 40}, {10, 80}, {60, 60}};
        for (int i = 0; i < now.length; i++) {
            units.add(new ProjectionUnit("" + i, UnitKind.POLLING, obs(200, 100, now[i][0], now[i][1]),
                    obs(200, 100, 40 + i, 50)));
        }
        Projection p = new Projector(0.9).project(new ProjectionInput(units, null)).orElseThrow();
        assertThat(p.shares().get("A").value()).isEqualTo(Rational.of(150, 400));
        assertThat(p.shares().get("A").interval().high() - p.shares().get("A").interval().low()).isZero();
    }

    @Test
    void studentTQuantilesMatchTables() {
        assertThat(StudentT.quantile(0.95, 1)).isCloseTo(6.3138, within(1e-3));
        assertThat(StudentT.quantile(0.95, 10)).isCloseTo(1.8125, within(1e-3));
        assertThat(StudentT.quantile(0.975, 30)).isCloseTo(2.0423, within(1e-3));
        assertThat(StudentT.quantile(0.95, 1e6)).isCloseTo(1.6449, within(1e-3));
    }
}
