package de.wahlwerk.server.pollworkers;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The person form (office and public sign-up) as typed, so that it can be shown again with the problems. */
public class WorkerForm {

    private String familyName;
    private String givenNames;
    private String birthDate;
    private String street;
    private String houseNumber;
    private String postalCode;
    private String city;
    private String email;
    private String phone;
    private String wishes;
    /** Honeypot for bots on the public form: people never see or fill it. */
    private String website;

    /** The input; a date that cannot be read becomes null, reported with the other problems by {@link WorkerInputs}. */
    PollWorkerService.WorkerInput input() {
        return new PollWorkerService.WorkerInput(familyName, givenNames, date(birthDate), street, houseNumber, postalCode,
                city, email, phone, wishes);
    }

    /** ISO (what a date field sends) or German TT.MM.JJJJ (typed where the browser shows a text field). */
    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.ISO_LOCAL_DATE, GERMAN}) {
            try {
                return LocalDate.parse(text.strip(), f);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    public String getFamilyName() { return familyName; }
    public void setFamilyName(String v) { familyName = v; }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String v) { givenNames = v; }
    public String getBirthDate() { return birthDate; }
    public void setBirthDate(String v) { birthDate = v; }
    public String getStreet() { return street; }
    public void setStreet(String v) { street = v; }
    public String getHouseNumber() { return houseNumber; }
    public void setHouseNumber(String v) { houseNumber = v; }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { postalCode = v; }
    public String getCity() { return city; }
    public void setCity(String v) { city = v; }
    public String getEmail() { return email; }
    public void setEmail(String v) { email = v; }
    public String getPhone() { return phone; }
    public void setPhone(String v) { phone = v; }
    public String getWishes() { return wishes; }
    public void setWishes(String v) { wishes = v; }
    public String getWebsite() { return website; }
    public void setWebsite(String v) { website = v; }
}
