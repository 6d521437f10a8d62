package de.wahlwerk.core.register;

import java.time.LocalDate;
import java.util.List;

/**
 * One person of the resident register (Melderegister) with the fields of XMeld that decide the
 * right to vote and the polling district. See docs/formats/resident-register.md.
 *
 * @param registerId       the register's own stable id of the person
 * @param birthDate        the date of birth; a partly known date (XMeld "teilbekannt") is taken as
 *                         the last day of the known month or year, so the vote is never granted early
 * @param birthDateText    the date of birth as written in the file (e.g. {@code 1950-00-00})
 * @param sex              m, w, d, x or null
 * @param nationalities    ISO 3166-1 alpha-2 codes, at least one
 * @param movedIn          date of moving into the municipality (Zuzug)
 * @param movedFromAbroad  whether that move came from outside Germany
 * @param mainResidence    Hauptwohnung (or alleinige Wohnung) as opposed to Nebenwohnung
 * @param excluded         excluded from voting by a judgement (Wahlrechtsausschluss)
 * @param line             physical line in the imported file
 */
public record Resident(String registerId, String familyName, String givenNames, String birthName,
        LocalDate birthDate, String birthDateText, String sex, List<String> nationalities,
        String street, HouseNumber houseNumber, String postalCode, String city,
        LocalDate movedIn, boolean movedFromAbroad, boolean mainResidence, boolean excluded, long line) {

    public Resident {
        nationalities = List.copyOf(nationalities);
    }

    public boolean isGerman() {
        return nationalities.contains("DE");
    }

    public boolean isEuCitizen() {
        for (String n : nationalities) {
            if (Nationalities.isEuMember(n)) {
                return true;
            }
        }
        return false;
    }
}
