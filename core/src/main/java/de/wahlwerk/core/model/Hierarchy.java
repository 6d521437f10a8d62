package de.wahlwerk.core.model;

import java.util.regex.Pattern;

/**
 * Name of one area hierarchy over the reporting units of an election day.
 *
 * <p>Several hierarchies cover the same units: the administrative one (state → county →
 * municipality → city district) and one electoral hierarchy per kind of constituency
 * (a Bundestag constituency and a Landtag constituency cut the same town differently).
 * Aggregation therefore runs per hierarchy, never over "the" tree.
 */
public record Hierarchy(String code) {

    /** Declared before the constants below: they are built with it during class initialisation. */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public static final Hierarchy ADMINISTRATIVE = new Hierarchy("admin");
    public static final Hierarchy BUNDESTAG = new Hierarchy("bundestag");
    public static final Hierarchy LANDTAG = new Hierarchy("landtag");

    public Hierarchy {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("hierarchy code must match " + CODE.pattern() + ": " + code);
        }
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    @Override
    public String toString() {
        return code;
    }
}
