package de.wahlwerk.core.model;

/** Bewerber: a person on a nomination, with what the ballot prints about them. */
public record Candidate(
        long id,
        long nominationId,
        int listPosition,
        String familyName,
        String givenNames,
        String title,
        String profession,
        Integer yearOfBirth,
        String place) {

    public String displayName() {
        String t = title == null || title.isBlank() ? "" : title + " ";
        return t + givenNames + " " + familyName;
    }
}
