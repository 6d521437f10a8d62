package de.wahlwerk.core.register;

import java.util.Locale;

/**
 * The key under which a street is matched: lower case, ß as ss, "str." as "strasse", without
 * spaces, hyphens and dots — so "Goethe-Str." and "Goethestraße" are the same street.
 */
public final class StreetNames {

    private StreetNames() {}

    public static String key(String street) {
        String s = street.strip().toLowerCase(Locale.GERMAN).replace("ß", "ss");
        s = s.replaceAll("str\\.(?=\\s|$|-)", "strasse");
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '-' && c != '.' && c != '\t') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
