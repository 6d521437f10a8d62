package de.wahlwerk.core.model;

/** Levels of an area in its hierarchy, from the top down. */
public enum AreaLevel {
    FEDERATION,
    STATE,
    /** Regierungsbezirk; in Bavaria also the Wahlkreis of the Landtag election. */
    GOVERNMENT_DISTRICT,
    COUNTY,
    MUNICIPALITY,
    CITY_DISTRICT,
    /** Wahlkreis (Bundestag) or Stimmkreis (Bavarian Landtag): elects one candidate by first votes. */
    CONSTITUENCY,
    /** Any other grouping an office reports by (e.g. a Stadtbezirk for statistics). */
    OTHER
}
