package de.wahlwerk.core.formats;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What the five "Offene Wahldaten" files say, in the terms of the format's columns (draft 0.3 as
 * written by the converter of fhswf/wahlkarte; see docs/formats/open-data.md). Null texts become
 * empty cells.
 */
public final class OffeneWahldaten {

    private OffeneWahldaten() {}

    /**
     * The columns every file starts with, and the Wahlparameter's names.
     *
     * @param authorityKey  {@code wahl-behoerde-gs}: AGS (8 digits) or ARS (12) of the authority, as text
     * @param authorityName {@code wahl-behoerde-name}
     * @param date          {@code wahl-datum}
     * @param name          {@code wahl-name}: also part of every file name
     * @param title         {@code wahl-bezeichnung}
     */
    public record Election(String authorityKey, String authorityName, LocalDate date, String name, String title) {
        public Election {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    /** An area by its number and name (a {@code …-nr}/{@code …-name} pair of columns). */
    public record Area(String key, String name) {}

    /**
     * The one row of the Wahlparameter file.
     *
     * @param candidacyLevel {@code kandidat-gebiet-bezeichnung}: what the areas of the candidacies are
     *                       called (e.g. "Wahlkreis"), null when candidates stand in the whole election area
     * @param levelNames     {@code gebiet-ebene-2-bezeichnung} … {@code -5-}: index 0 is level 2, the one
     *                       right above the districts; at most four, missing ones empty
     * @param districtLevel  {@code bezirk-bezeichnung}
     */
    public record Parameters(String candidacyLevel, List<String> levelNames, String districtLevel) {
        public Parameters {
            levelNames = upToFour(levelNames);
        }
    }

    /**
     * One row of Wahlgebietseinteilungen: a polling or postal district and the areas it lies in.
     *
     * @param levels         the areas of levels 2 … 5 (index 0 = level 2), null where the district has none
     * @param representative {@code bezirk-repräsentativ}: null when not known (empty cell)
     * @param candidacyArea  {@code kandidat-gebiet-…}: where the district's candidates stand, or null
     * @param ballotArea     {@code stimmzettel-gebiet-…}: which ballot the district uses, null when the
     *                       election has one ballot
     */
    public record District(List<Area> levels, String key, String name, boolean postal, Boolean representative,
            Area candidacyArea, Area ballotArea) {
        public District {
            levels = upToFour(levels);
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * One row of Stimmzettel: a ballot position.
     *
     * @param ballotArea  the ballot it belongs to (null: the election's only ballot)
     * @param colour      {@code partei-rgb-wert} as {@code #rrggbb}; the reader of fhswf/wahlkarte requires one
     * @param independent {@code partei-typ} E (Einzelbewerber) instead of P
     */
    public record BallotEntry(Area ballotArea, int position, String shortName, String name, String colour,
            boolean independent) {}

    /**
     * One row of Kandidaten.
     *
     * @param area         {@code kandidat-gebiet-…}: the area a person stands in (constituency candidates), or null
     * @param listPosition {@code kandidat-listenplatz}; 0 = standing only in the area
     */
    public record Candidate(String partyShortName, String partyName, String familyName, String namePrefix,
            String givenNames, String title, Integer yearOfBirth, String gender, String profession, Area area,
            int listPosition) {}

    /**
     * One row of Wahlergebnisse: a district's confirmed report.
     *
     * @param recorded {@code zeitstempel-erfassung}, local time
     */
    public record Result(ResultRow row, LocalDateTime recorded) {
        public Result {
            Objects.requireNonNull(row, "row");
            Objects.requireNonNull(recorded, "recorded");
        }
    }

    private static <T> List<T> upToFour(List<T> levels) {
        if (levels.size() > 4) {
            throw new IllegalArgumentException("the format has area levels 2 to 5 only, not " + levels.size());
        }
        return java.util.Collections.unmodifiableList(new java.util.ArrayList<>(levels));
    }
}
