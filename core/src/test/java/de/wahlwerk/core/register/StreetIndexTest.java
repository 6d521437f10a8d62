package de.wahlwerk.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreetIndexTest {

    static HouseNumber n(String s) {
        return HouseNumber.parse(s);
    }

    static StreetRule rule(long line, String street, String postal, String from, String to, Parity p, String unit) {
        return new StreetRule(line, street, postal, from == null ? null : n(from), to == null ? null : n(to), p, unit);
    }

    final StreetIndex index = new StreetIndex(List.of(
            rule(2, "Hauptstraße", null, "10", "14", Parity.EVEN, "001"),
            rule(3, "Hauptstraße", null, "1", "99", Parity.ODD, "002"),
            rule(4, "Hauptstraße", null, "16", "98", Parity.EVEN, "003"),
            rule(5, "Lindenweg", null, null, "20", Parity.ALL, "001"),
            rule(6, "Lindenweg", null, "21", null, Parity.ALL, "004"),
            rule(7, "Am Markt", null, "1", "10", Parity.ALL, "001"),
            rule(8, "Am Markt", null, "8", "20", Parity.ALL, "002"),
            rule(9, "Bahnhofstr.", null, null, null, Parity.ALL, "005"),
            rule(10, "Bahnhofstraße", null, "2", "8", Parity.EVEN, "006"),
            rule(11, "Kirchgasse", null, "1", "12a", Parity.ALL, "001"),
            rule(12, "Kirchgasse", null, "12b", "30", Parity.ALL, "002"),
            rule(13, "Ringstraße", null, null, null, Parity.ALL, "001"),
            rule(14, "Ringstraße", "37075", null, null, Parity.ALL, "007"),
            rule(15, "Gartenweg", null, "1", "10", Parity.ALL, "001"),
            rule(16, "Gartenweg", null, "5", "20", Parity.ALL, "001")));

    @Test
    void twelveAWithSuffixLiesInsideTenToFourteenEven() {
        assertThat(index.assign("Hauptstraße", "37073", n("12a")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Hauptstraße", "37073", n("14b")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Hauptstraße", "37073", n("10")).unitKey()).isEqualTo("001");
    }

    @Test
    void thirteenIsOnTheOddSide() {
        Assignment a = index.assign("Hauptstraße", "37073", n("13"));
        assertThat(a.unitKey()).isEqualTo("002");
        assertThat(a.ruleLines()).containsExactly(3L);
        assertThat(index.assign("Hauptstraße", "37073", n("13a")).unitKey()).isEqualTo("002");
    }

    @Test
    void splitStreetGoesToDifferentDistrictsByRange() {
        assertThat(index.assign("Lindenweg", "37073", n("20")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Lindenweg", "37073", n("20c")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Lindenweg", "37073", n("21")).unitKey()).isEqualTo("004");
        assertThat(index.assign("Hauptstraße", "37073", n("16")).unitKey()).isEqualTo("003");
    }

    @Test
    void numberOutsideEveryRangeIsReported() {
        Assignment a = index.assign("Hauptstraße", "37073", n("100"));
        assertThat(a.assigned()).isFalse();
        assertThat(a.problem()).isEqualTo(Assignment.Problem.NO_RULE_FOR_NUMBER);
        assertThat(index.assign("Hauptstraße", "37073", n("8")).problem())
                .isEqualTo(Assignment.Problem.NO_RULE_FOR_NUMBER);
    }

    @Test
    void unknownStreetIsReported() {
        Assignment a = index.assign("Nirgendwo", "37073", n("1"));
        assertThat(a.problem()).isEqualTo(Assignment.Problem.UNKNOWN_STREET);
        assertThat(a.unitKey()).isNull();
    }

    @Test
    void overlappingRulesAreReportedNotResolved() {
        Assignment a = index.assign("Am Markt", "37073", n("9"));
        assertThat(a.problem()).isEqualTo(Assignment.Problem.OVERLAPPING_RULES);
        assertThat(a.ruleLines()).containsExactly(7L, 8L);
        assertThat(index.assign("Am Markt", "37073", n("7")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Am Markt", "37073", n("11")).unitKey()).isEqualTo("002");
    }

    @Test
    void overlapIntoTheSameDistrictIsHarmless() {
        assertThat(index.assign("Gartenweg", "37073", n("7")).unitKey()).isEqualTo("001");
    }

    @Test
    void rangeBeatsWholeStreetAndSpellingsMatch() {
        assertThat(index.assign("Bahnhofstraße", "37073", n("4")).unitKey()).isEqualTo("006");
        assertThat(index.assign("Bahnhof-Str.", "37073", n("5")).unitKey()).isEqualTo("005");
        assertThat(index.assign("BAHNHOFSTRASSE", "37073", n("10")).unitKey()).isEqualTo("005");
    }

    @Test
    void suffixBoundsAreExact() {
        assertThat(index.assign("Kirchgasse", "37073", n("12")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Kirchgasse", "37073", n("12a")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Kirchgasse", "37073", n("12b")).unitKey()).isEqualTo("002");
        assertThat(index.assign("Kirchgasse", "37073", n("12c")).unitKey()).isEqualTo("002");
    }

    @Test
    void postalCodeRuleBeatsTheSameStreetWithout() {
        assertThat(index.assign("Ringstraße", "37073", n("3")).unitKey()).isEqualTo("001");
        assertThat(index.assign("Ringstraße", "37075", n("3")).unitKey()).isEqualTo("007");
    }

    @Test
    void houseNumbersParse() {
        assertThat(n("12 a")).isEqualTo(new HouseNumber(12, "a"));
        assertThat(n("7/1")).isEqualTo(new HouseNumber(7, "/1"));
        assertThat(n("12A").suffix()).isEqualTo("a");
        assertThat(n("a12")).isNull();
        assertThat(n("")).isNull();
    }
}
