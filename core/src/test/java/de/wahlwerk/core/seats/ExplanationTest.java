package de.wahlwerk.core.seats;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.arith.Rational;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explanation data a UI renders: divisor search, span, award order, quota and remainders. */
class ExplanationTest {

    private static final List<Contender> NRW_EXAMPLE = ApportionmentVectorsTest.contenders(
            "7336 3599 1250 1249 591 515 295 165");

    @Test
    void nrwMinistryExampleShowsTheDivisorSearch() {
        // ELECTORAL_LAW.md § 5.4 M3: Anfangsdivisor 15 000 / 44 = 340.9090 gives 46 seats, so it is raised;
        // span (342.762, 343.333]
        Apportionment a = Apportioner.iterative(Method.WEBSTER, 44, NRW_EXAMPLE, Lot.none());
        var steps = a.explanation().divisorSearch();
        assertThat(steps.getFirst()).isEqualTo(new ApportionmentExplanation.DivisorStep(Rational.of(15_000, 44), 46));
        assertThat(steps.getLast().seats()).isEqualTo(44);
        var span = a.explanation().divisor().orElseThrow();
        assertThat(span.lowExclusive().toDecimal(3)).hasToString("342.762");
        assertThat(span.highInclusive().toDecimal(3)).hasToString("343.333");
        assertThat(span.chosen()).isEqualTo(Rational.of(343));
        assertThat(a.explanation().rows().getFirst().quotient()).hasValue(Rational.of(7336, 343));
    }

    @Test
    void highestAveragesListTheAwardOrder() {
        // M1 Lauf (BW): the page shows the full Höchstzahl order; the first seats go A, B, C, A
        Apportionment a = Apportioner.apportion(Method.WEBSTER, 14, ApportionmentVectorsTest.contenders("10648 8578 6531"));
        var awards = a.explanation().awards();
        assertThat(awards).hasSize(14);
        assertThat(awards.subList(0, 4).stream().map(ApportionmentExplanation.Award::id)).containsExactly("A", "B", "C", "A");
        // values are votes / (s + 0.5); the "÷ 1, 3, 5" tables of BW/Bayern show half of them (10 648 / 3)
        assertThat(awards.get(3).value()).isEqualTo(Rational.of(10648).divide(Rational.parse("1.5")));
        for (int i = 1; i < awards.size(); i++) {
            assertThat(awards.get(i).value()).isLessThanOrEqualTo(awards.get(i - 1).value());
            assertThat(awards.get(i).seatNumber()).isEqualTo(i + 1);
        }
    }

    @Test
    void hamiltonShowsQuotaAndRemainderSeats() {
        // M5 Brögbern: 11 seats, ideal shares 5.75, 4.35, 0.90 → 5, 4, 0 + remainder seats to A (.75) and C (.90)
        Apportionment a = Apportioner.apportion(Method.HAMILTON, 11, ApportionmentVectorsTest.contenders("1150 870 180"));
        assertThat(a.explanation().quota()).hasValue(Rational.of(2200, 11));
        assertThat(a.explanation().rows().stream().map(r -> r.quotient().orElseThrow()))
                .containsExactly(Rational.parse("5.75"), Rational.parse("4.35"), Rational.parse("0.9"));
        assertThat(a.explanation().awards().stream().map(ApportionmentExplanation.Award::id)).containsExactly("C", "A");
    }
}
