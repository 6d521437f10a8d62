package de.wahlwerk.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.model.ElectionKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    static final LocalDate DAY = LocalDate.of(2026, 2, 28);
    static final LocalDate CUTOFF = EligibilityRules.defaultCutoff(DAY);

    static Resident person(LocalDate birth, List<String> nat, LocalDate movedIn, boolean abroad, boolean main,
            boolean excluded) {
        return new Resident("X", "F", "G", null, birth, birth.toString(), null, nat, "S", new HouseNumber(1, ""),
                "37073", "Ort", movedIn, abroad, main, excluded, 2);
    }

    static Resident born(LocalDate birth) {
        return person(birth, List.of("DE"), LocalDate.of(2000, 1, 1), false, true, false);
    }

    final Eligibility federal = new Eligibility(EligibilityRules.of(ElectionKind.BUNDESTAG, State.NI, DAY, CUTOFF));
    final Eligibility municipalNi = new Eligibility(
            EligibilityRules.of(ElectionKind.MUNICIPAL_COUNCIL, State.NI, DAY, CUTOFF));
    final Eligibility municipalBy = new Eligibility(
            EligibilityRules.of(ElectionKind.MUNICIPAL_COUNCIL, State.BY, DAY, CUTOFF));

    @Test
    void eighteenthBirthdayOnElectionDayCountsTheDayAfterDoesNot() {
        assertThat(federal.decide(born(LocalDate.of(2008, 2, 28)))).isEmpty();
        assertThat(federal.decide(born(LocalDate.of(2008, 2, 29)))).containsExactly(Reason.TOO_YOUNG);
        assertThat(federal.decide(born(LocalDate.of(2008, 3, 1)))).containsExactly(Reason.TOO_YOUNG);
    }

    @Test
    void sixteenIsEnoughWhereTheLandSaysSo() {
        Resident sixteen = born(LocalDate.of(2010, 2, 1));
        assertThat(municipalNi.decide(sixteen)).isEmpty();
        assertThat(municipalBy.decide(sixteen)).containsExactly(Reason.TOO_YOUNG);
        assertThat(federal.decide(sixteen)).containsExactly(Reason.TOO_YOUNG);
    }

    @Test
    void euCitizensVoteInMunicipalButNotInFederalElections() {
        Resident pole = person(LocalDate.of(1980, 1, 1), List.of("PL"), LocalDate.of(2000, 1, 1), false, true, false);
        assertThat(municipalNi.decide(pole)).isEmpty();
        assertThat(federal.decide(pole)).containsExactly(Reason.NOT_GERMAN);
        Resident turk = person(LocalDate.of(1980, 1, 1), List.of("TR"), LocalDate.of(2000, 1, 1), false, true, false);
        assertThat(municipalNi.decide(turk)).containsExactly(Reason.NOT_GERMAN_OR_EU);
        Resident dual = person(LocalDate.of(1980, 1, 1), List.of("TR", "DE"), LocalDate.of(2000, 1, 1), false, true, false);
        assertThat(federal.decide(dual)).isEmpty();
    }

    @Test
    void residencePeriodIsThreeMonthsInTheMunicipalityOrFromAbroad() {
        LocalDate limit = LocalDate.of(2025, 11, 28); // election day minus three months
        Resident justInTime = person(LocalDate.of(1980, 1, 1), List.of("DE"), limit, true, true, false);
        Resident late = person(LocalDate.of(1980, 1, 1), List.of("DE"), limit.plusDays(1), true, true, false);
        Resident lateFromGermany = person(LocalDate.of(1980, 1, 1), List.of("DE"), limit.plusDays(1), false, true, false);
        assertThat(federal.decide(justInTime)).isEmpty();
        assertThat(federal.decide(late)).containsExactly(Reason.RESIDENCE_TOO_SHORT);
        assertThat(federal.decide(lateFromGermany)).isEmpty();
        assertThat(municipalNi.decide(lateFromGermany)).containsExactly(Reason.RESIDENCE_TOO_SHORT);
        // Bavaria: two months [UNV], so the same person is eligible there.
        assertThat(municipalBy.decide(lateFromGermany)).isEmpty();
    }

    @Test
    void movedInAfterTheCutoffIsNotOnTheRoll() {
        Resident r = person(LocalDate.of(1980, 1, 1), List.of("DE"), CUTOFF.plusDays(1), false, true, false);
        assertThat(federal.decide(r)).containsExactly(Reason.REGISTERED_AFTER_CUTOFF);
        assertThat(municipalNi.decide(r)).containsExactlyInAnyOrder(Reason.REGISTERED_AFTER_CUTOFF,
                Reason.RESIDENCE_TOO_SHORT);
    }

    @Test
    void secondaryResidenceAndExclusionAreReasonsAndAllReasonsAreListed() {
        Resident r = person(LocalDate.of(2015, 1, 1), List.of("US"), LocalDate.of(2020, 1, 1), false, false, true);
        assertThat(federal.decide(r)).containsExactlyInAnyOrder(Reason.TOO_YOUNG, Reason.NOT_GERMAN,
                Reason.SECONDARY_RESIDENCE, Reason.EXCLUDED);
    }

    @Test
    void landsAreFoundByTheirKey() {
        assertThat(State.ofKey("03159016")).isEqualTo(State.NI);
        assertThat(State.ofKey("09175")).isEqualTo(State.BY);
        assertThat(State.ofKey("99")).isNull();
    }
}
