package de.wahlwerk.server.pollcards;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * What a polling notice says (§ 19 Abs. 1 BWO, Anlage 3): the voter and address, the polling district,
 * the polling station with its access, the voting hours, the notice number and the link to request
 * a polling card.
 */
record Notice(String number, String familyName, String givenNames, String street, String postalCode, String city,
        String electionName, LocalDate date, LocalTime opens, LocalTime closes, String unitKey, String unitName,
        String stationName, String stationStreet, String stationPostalCode, String stationCity, boolean stepFree,
        String requestUrl) {}
