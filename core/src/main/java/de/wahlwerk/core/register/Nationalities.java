package de.wahlwerk.core.register;

import java.util.Set;

/** ISO 3166-1 alpha-2 codes of the member states of the European Union (27 since 1.2.2020). */
public final class Nationalities {

    public static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private Nationalities() {}

    public static boolean isEuMember(String code) {
        return EU.contains(code);
    }
}
