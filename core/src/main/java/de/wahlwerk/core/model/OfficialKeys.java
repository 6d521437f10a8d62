package de.wahlwerk.core.model;

import java.util.regex.Pattern;

/** Checks of official keys, so that areas of different elections can be matched by key. */
public final class OfficialKeys {

    /** Amtlicher Gemeindeschlüssel: 2 digits state, 1 government district, 2 county, 3 municipality. */
    private static final Pattern AGS = Pattern.compile("\\d{8}");
    /** Any other official number: digits, letters and the separators offices use ("BW-01", "101"). */
    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._/-]{0,39}");

    private OfficialKeys() {}

    public static boolean isAgs(String key) {
        return key != null && AGS.matcher(key).matches();
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** The 2-digit state part of an AGS ("03" for Niedersachsen). */
    public static String stateOfAgs(String ags) {
        if (!isAgs(ags)) {
            throw new IllegalArgumentException("not an AGS: " + ags);
        }
        return ags.substring(0, 2);
    }
}
