package de.wahlwerk.core.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded synthetic city: streets with different street-index layouts (whole street, split by
 * range, by side, at a suffix, by postal code, overlapping rules, missing from the index), and
 * residents of every kind (minors around the age limit, foreigners, EU citizens, recent movers,
 * secondary residences, excluded persons, partly known birth dates). It knows the district of
 * every address by construction, independent of {@link StreetIndex}.
 */
final class GeneratedCity {

    enum Layout { WHOLE, RANGE_SPLIT, SIDES, SUFFIX_SPLIT, POSTAL, OVERLAP, MISSING }

    record Street(String name, String writtenAs, Layout layout, int split, String d1, String d2) {}

    /** Expected assignment: district key, or null with the expected problem. */
    record Expected(String unit, Assignment.Problem problem) {}

    static final String POSTAL_MAIN = "37073";
    static final String POSTAL_OTHER = "37075";
    static final List<String> EU = List.of("PL", "IT", "FR", "RO", "GR", "AT", "NL", "HR");
    static final List<String> NON_EU = List.of("TR", "SY", "UA", "US", "CH", "GB", "RU", "VN");

    final List<Street> streets = new ArrayList<>();
    final List<StreetRule> rules = new ArrayList<>();
    final List<String> units = new ArrayList<>();
    final Random random;
    final LocalDate electionDay;

    GeneratedCity(long seed, int streetCount, int unitCount, LocalDate electionDay) {
        this.random = new Random(seed);
        this.electionDay = electionDay;
        for (int u = 1; u <= unitCount; u++) {
            units.add(String.format("%03d", u));
        }
        long line = 2;
        Layout[] layouts = Layout.values();
        for (int s = 0; s < streetCount; s++) {
            Layout layout = layouts[s % layouts.length];
            String name = "Weg " + s + "straße";
            String written = switch (s % 3) {
                case 0 -> name;
                case 1 -> "Weg " + s + "str.";
                default -> "Weg " + s + "strasse";
            };
            String d1 = units.get(random.nextInt(unitCount));
            String d2 = units.get(random.nextInt(unitCount));
            while (d2.equals(d1)) {
                d2 = units.get(random.nextInt(unitCount));
            }
            int split = 10 + 2 * random.nextInt(20); // even, 10..48
            Street st = new Street(name, written, layout, split, d1, d2);
            streets.add(st);
            switch (layout) {
                case WHOLE -> rules.add(rule(line++, name, null, null, null, Parity.ALL, d1));
                case RANGE_SPLIT -> {
                    rules.add(rule(line++, name, null, null, hn(split, ""), Parity.ALL, d1));
                    rules.add(rule(line++, name, null, hn(split + 1, ""), null, Parity.ALL, d2));
                }
                case SIDES -> {
                    rules.add(rule(line++, name, null, null, null, Parity.ODD, d1));
                    rules.add(rule(line++, name, null, null, null, Parity.EVEN, d2));
                }
                case SUFFIX_SPLIT -> {
                    rules.add(rule(line++, name, null, hn(1, ""), hn(split, "a"), Parity.ALL, d1));
                    rules.add(rule(line++, name, null, hn(split, "b"), hn(999, ""), Parity.ALL, d2));
                }
                case POSTAL -> {
                    rules.add(rule(line++, name, null, null, null, Parity.ALL, d1));
                    rules.add(rule(line++, name, POSTAL_OTHER, null, null, Parity.ALL, d2));
                }
                case OVERLAP -> {
                    rules.add(rule(line++, name, null, hn(1, ""), hn(split + 6, ""), Parity.ALL, d1));
                    rules.add(rule(line++, name, null, hn(split, ""), hn(60, ""), Parity.ALL, d2));
                }
                case MISSING -> { }
            }
        }
    }

    private static StreetRule rule(long line, String street, String postal, HouseNumber from, HouseNumber to,
            Parity parity, String unit) {
        return new StreetRule(line, street, postal, from, to, parity, unit);
    }

    static HouseNumber hn(int n, String suffix) {
        return new HouseNumber(n, suffix);
    }

    /** The district of an address by the layout's definition. */
    Expected expected(Street st, String postal, HouseNumber n) {
        int k = n.number();
        String sfx = n.suffix();
        return switch (st.layout()) {
            case WHOLE -> new Expected(st.d1(), null);
            case RANGE_SPLIT -> new Expected(k <= st.split() ? st.d1() : st.d2(), null);
            case SIDES -> new Expected(k % 2 == 1 ? st.d1() : st.d2(), null);
            case SUFFIX_SPLIT -> k > 999 ? new Expected(null, Assignment.Problem.NO_RULE_FOR_NUMBER)
                    : new Expected(k < st.split() || (k == st.split() && (sfx.isEmpty() || sfx.equals("a")))
                            ? st.d1() : st.d2(), null);
            case POSTAL -> new Expected(postal.equals(POSTAL_OTHER) ? st.d2() : st.d1(), null);
            case OVERLAP -> k >= st.split() && k <= st.split() + 6
                    ? new Expected(null, Assignment.Problem.OVERLAPPING_RULES)
                    : k > 60 ? new Expected(null, Assignment.Problem.NO_RULE_FOR_NUMBER)
                    : new Expected(k < st.split() ? st.d1() : st.d2(), null);
            case MISSING -> new Expected(null, Assignment.Problem.UNKNOWN_STREET);
        };
    }

    /** One CSV line of a random resident (columns as in {@link #HEADER}); {@code i} makes the id unique. */
    String residentLine(int i) {
        Street st = streets.get(random.nextInt(streets.size()));
        int number = 1 + random.nextInt(random.nextInt(10) == 0 ? 80 : 50);
        String suffix = random.nextInt(8) == 0 ? String.valueOf((char) ('a' + random.nextInt(3))) : "";
        String postal = random.nextInt(6) == 0 ? POSTAL_OTHER : POSTAL_MAIN;
        // Ages: a broad spread plus a cluster around 16 and 18 on election day.
        LocalDate birth;
        int r = random.nextInt(10);
        if (r < 2) {
            int years = random.nextBoolean() ? 16 : 18;
            birth = electionDay.minusYears(years).plusDays(random.nextInt(7) - 3);
        } else {
            birth = electionDay.minusDays(random.nextInt(95 * 365));
        }
        String birthText = birth.toString();
        int partial = random.nextInt(200);
        if (partial == 0) {
            birthText = birth.getYear() + "-00-00";
        } else if (partial == 1) {
            birthText = String.format("%04d-%02d-00", birth.getYear(), birth.getMonthValue());
        }
        String nat;
        int n = random.nextInt(100);
        if (n < 78) {
            nat = "DE";
        } else if (n < 82) {
            nat = "DE," + NON_EU.get(random.nextInt(NON_EU.size()));
        } else if (n < 90) {
            nat = EU.get(random.nextInt(EU.size()));
        } else if (n < 92) {
            nat = NON_EU.get(random.nextInt(NON_EU.size())) + "," + EU.get(random.nextInt(EU.size()));
        } else {
            nat = NON_EU.get(random.nextInt(NON_EU.size()));
        }
        LocalDate movedIn;
        int m = random.nextInt(100);
        if (m < 6) {
            movedIn = electionDay.minusDays(random.nextInt(130)); // recent: around the 3-month and cut-off limits
        } else {
            movedIn = electionDay.minusDays(130 + random.nextInt(30 * 365));
        }
        if (movedIn.isBefore(birth)) {
            movedIn = birth;
        }
        String abroad = random.nextInt(10) == 0 ? "J" : (random.nextBoolean() ? "N" : "");
        String residence = random.nextInt(40) == 0 ? "N" : (random.nextInt(10) == 0 ? "A" : "H");
        String excluded = random.nextInt(500) == 0 ? "J" : "N";
        String family = i % 97 == 0 ? "\"Müller; genannt Schulz\"" : "Name" + i;
        String sex = List.of("m", "w", "d", "").get(random.nextInt(4));
        return String.join(";", "P" + i, family, "Vorname" + i, i % 5 == 0 ? "Geburtsname" + i : "", birthText, sex,
                nat, st.writtenAs(), number + suffix, postal, "Musterstadt", movedIn.toString(), abroad, residence,
                excluded);
    }

    static final String HEADER = "melderegister_id;familienname;vornamen;geburtsname;geburtsdatum;geschlecht;"
            + "staatsangehoerigkeiten;strasse;hausnummer;plz;ort;zuzug;zuzug_aus_ausland;wohnungsstatus;"
            + "wahlrechtsausschluss";

    Street street(String writtenAs) {
        for (Street s : streets) {
            if (s.writtenAs().equals(writtenAs)) {
                return s;
            }
        }
        throw new IllegalArgumentException(writtenAs);
    }
}
