package de.wahlwerk.core.register;

import static org.assertj.core.api.Assertions.assertThat;

import de.wahlwerk.core.formats.ResidentRegisterReader;
import de.wahlwerk.core.model.ElectionKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 120,000 generated residents go through the reader, the eligibility rules of two elections and
 * the street index; every decision must equal an independent brute-force computation from the raw
 * CSV fields and the city's construction.
 */
class GeneratedCityTest {

    static final int RESIDENTS = 120_000;
    static final LocalDate ELECTION_DAY = LocalDate.of(2026, 9, 13);
    static final LocalDate CUTOFF = ELECTION_DAY.minusDays(42);

    @Test
    void eligibilityAndAssignmentEqualTheBruteForce() throws Exception {
        GeneratedCity city = new GeneratedCity(4711, 350, 60, ELECTION_DAY);
        List<String> lines = new ArrayList<>(RESIDENTS);
        StringBuilder csv = new StringBuilder(RESIDENTS * 130).append(GeneratedCity.HEADER).append('\n');
        for (int i = 0; i < RESIDENTS; i++) {
            String l = city.residentLine(i);
            lines.add(l);
            csv.append(l).append('\n');
        }
        Map<String, GeneratedCity.Street> streets = new HashMap<>();
        city.streets.forEach(s -> streets.put(s.writtenAs(), s));

        Eligibility federal = new Eligibility(EligibilityRules.of(ElectionKind.BUNDESTAG, State.NI, ELECTION_DAY, CUTOFF));
        Eligibility municipal = new Eligibility(
                EligibilityRules.of(ElectionKind.MUNICIPAL_COUNCIL, State.NI, ELECTION_DAY, CUTOFF));
        StreetIndex index = new StreetIndex(city.rules);

        List<String> mismatches = new ArrayList<>();
        Map<Reason, Integer> reasonCounts = new EnumMap<>(Reason.class);
        Map<Object, Integer> assignmentCounts = new HashMap<>();
        int[] seen = {0};
        long read = ResidentRegisterReader.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                "melderegister.csv", r -> {
                    int i = seen[0]++;
                    String[] f = fields(lines.get(i));
                    assertThat(r.registerId()).isEqualTo(f[0]);
                    assertThat(r.line()).isEqualTo(i + 2L);
                    Set<Reason> fed = federal.decide(r);
                    Set<Reason> mun = municipal.decide(r);
                    Set<Reason> fedExpected = bruteForce(f, 18, true, 3, false);
                    Set<Reason> munExpected = bruteForce(f, 16, false, 3, true);
                    if (!fed.equals(fedExpected) || !mun.equals(munExpected)) {
                        mismatches.add(lines.get(i) + " federal " + fed + " vs " + fedExpected + ", municipal " + mun
                                + " vs " + munExpected);
                    }
                    fed.forEach(x -> reasonCounts.merge(x, 1, Integer::sum));
                    mun.forEach(x -> reasonCounts.merge(x, 1, Integer::sum));
                    GeneratedCity.Street st = streets.get(f[7]);
                    GeneratedCity.Expected want = city.expected(st, f[9], HouseNumber.parse(f[8]));
                    Assignment got = index.assign(r.street(), r.postalCode(), r.houseNumber());
                    if (!java.util.Objects.equals(got.unitKey(), want.unit()) || got.problem() != want.problem()) {
                        mismatches.add(lines.get(i) + " (" + st.layout() + " split " + st.split() + ") assigned " + got
                                + " expected " + want);
                    }
                    assignmentCounts.merge(got.problem() == null ? st.layout() : got.problem(), 1, Integer::sum);
                });
        assertThat(read).isEqualTo(RESIDENTS);
        assertThat(mismatches).as("first mismatches").isEmpty();
        // Every kind of person and address occurred in numbers, so the comparison meant something.
        assertThat(reasonCounts.keySet()).containsAll(EnumSet.allOf(Reason.class));
        assertThat(reasonCounts.values()).allMatch(c -> c >= 50);
        assertThat(assignmentCounts.keySet()).contains(Assignment.Problem.UNKNOWN_STREET,
                Assignment.Problem.NO_RULE_FOR_NUMBER, Assignment.Problem.OVERLAPPING_RULES,
                GeneratedCity.Layout.SUFFIX_SPLIT, GeneratedCity.Layout.SIDES, GeneratedCity.Layout.RANGE_SPLIT,
                GeneratedCity.Layout.POSTAL, GeneratedCity.Layout.WHOLE);
    }

    /** The raw fields of a generated line; only the family name may be quoted (and contain ";"). */
    static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        String[] parts = line.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("\"")) {
                out.add((parts[i] + ";" + parts[i + 1]).replace("\"", ""));
                i++;
            } else {
                out.add(parts[i]);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Eligibility by hand from the raw fields: tuple comparisons instead of LocalDate arithmetic. */
    static Set<Reason> bruteForce(String[] f, int minAge, boolean germanOnly, int months, boolean inMunicipality) {
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        String[] b = f[4].split("-");
        int by = Integer.parseInt(b[0]);
        int bm = Integer.parseInt(b[1]);
        int bd = Integer.parseInt(b[2]);
        if (bm == 0) {
            bm = 12;
            bd = 31;
        } else if (bd == 0) {
            bd = daysIn(by, bm);
        }
        int ey = ELECTION_DAY.getYear();
        int em = ELECTION_DAY.getMonthValue();
        int ed = ELECTION_DAY.getDayOfMonth();
        // A person born on 29 February has no birthday in a common year; BGB § 188 Abs. 3 ends the year on 28 Feb.
        int bdThisYear = Math.min(bd, daysIn(ey, bm));
        int age = ey - by - ((em < bm || (em == bm && ed < bdThisYear)) ? 1 : 0);
        if (age < minAge) {
            reasons.add(Reason.TOO_YOUNG);
        }
        List<String> nat = List.of(f[6].split(","));
        boolean german = nat.contains("DE");
        boolean eu = nat.stream().anyMatch(GeneratedCity.EU::contains) || german;
        if (germanOnly && !german) {
            reasons.add(Reason.NOT_GERMAN);
        }
        if (!germanOnly && !eu) {
            reasons.add(Reason.NOT_GERMAN_OR_EU);
        }
        if (f[13].equals("N")) {
            reasons.add(Reason.SECONDARY_RESIDENCE);
        }
        if (f[14].equals("J")) {
            reasons.add(Reason.EXCLUDED);
        }
        LocalDate moved = LocalDate.parse(f[11]);
        if (moved.isAfter(CUTOFF)) {
            reasons.add(Reason.REGISTERED_AFTER_CUTOFF);
        }
        if (inMunicipality || f[12].equals("J")) {
            int ty = ey;
            int tm = em - months;
            while (tm < 1) {
                tm += 12;
                ty--;
            }
            int td = Math.min(ed, daysIn(ty, tm));
            int[] mv = {moved.getYear(), moved.getMonthValue(), moved.getDayOfMonth()};
            boolean after = mv[0] > ty || (mv[0] == ty && (mv[1] > tm || (mv[1] == tm && mv[2] > td)));
            if (after) {
                reasons.add(Reason.RESIDENCE_TOO_SHORT);
            }
        }
        return reasons;
    }

    static int daysIn(int year, int month) {
        int[] days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : days[month - 1];
    }
}
