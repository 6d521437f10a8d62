package de.wahlwerk.server.pollworkers;

import java.time.LocalDate;

/** A person the office may appoint to a board, with contact data (personal data: office roles only). */
public record PollWorker(long id, String scopeHierarchy, String scopeKey, String source, String registerId,
        String familyName, String givenNames, LocalDate birthDate, String street, String houseNumber, String postalCode,
        String city, String email, String phone, String wishes, LocalDate lastActive, boolean objected) {

    public String sortName() {
        return familyName + ", " + givenNames;
    }

    public String displayName() {
        return givenNames + " " + familyName;
    }
}
