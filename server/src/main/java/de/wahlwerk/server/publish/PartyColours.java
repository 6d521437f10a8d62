package de.wahlwerk.server.publish;

import java.util.Locale;
import java.util.Map;

/**
 * Colours of lists on the public charts. Every colour reaches at least 3:1 contrast against the
 * white page (WCAG 2.1 1.4.11, non-text contrast), so the familiar bright party colours (FDP
 * yellow, AfD light blue, Freie Wähler orange) are darkened; bars also carry a dark outline and a
 * text label, so colour is never the only cue (1.4.1).
 */
final class PartyColours {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("SPD", "#c0000c"), Map.entry("CDU", "#2b2b2b"), Map.entry("CSU", "#0062a8"),
            Map.entry("GRÜNE", "#1a7a2e"), Map.entry("FDP", "#7a6a00"), Map.entry("AFD", "#00609a"),
            Map.entry("DIE LINKE", "#b02a6c"), Map.entry("BSW", "#792351"), Map.entry("FREIE WÄHLER", "#a35a00"),
            Map.entry("VOLT", "#502379"), Map.entry("TIERSCHUTZPARTEI", "#00665a"), Map.entry("ÖDP", "#b34700"),
            Map.entry("JA", "#1a7a2e"), Map.entry("NEIN", "#c0000c"));
    /** For lists without a known colour: dark tones, each ≥ 4.5:1 on white. */
    private static final String[] OTHERS = {"#5b5b5b", "#6b4e9b", "#7d4a00", "#00707a", "#8a3b3b", "#3d5a80"};

    private PartyColours() {}

    static String of(String group) {
        String known = KNOWN.get(group.toUpperCase(Locale.GERMAN));
        if (known != null) {
            return known;
        }
        return OTHERS[Math.floorMod(group.hashCode(), OTHERS.length)];
    }
}
