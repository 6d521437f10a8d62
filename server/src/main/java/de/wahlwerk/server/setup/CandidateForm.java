package de.wahlwerk.server.setup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Input for a candidate on a nomination. */
public class CandidateForm {

    @NotNull(message = "{field.required}")
    @Min(value = 1, message = "{field.min}")
    @Max(value = 999, message = "{field.max}")
    private Integer listPosition;

    @NotBlank(message = "{field.required}")
    @Size(max = 100, message = "{field.tooLong}")
    private String familyName;

    @NotBlank(message = "{field.required}")
    @Size(max = 100, message = "{field.tooLong}")
    private String givenNames;

    @Size(max = 40, message = "{field.tooLong}")
    private String title;

    @Size(max = 200, message = "{field.tooLong}")
    private String profession;

    /** Plausible for a living adult candidate; the exact eligibility age is checked by the office. */
    @Min(value = 1900, message = "{field.yearOfBirth}")
    @Max(value = 2100, message = "{field.yearOfBirth}")
    private Integer yearOfBirth;

    @Size(max = 100, message = "{field.tooLong}")
    private String place;

    public Integer getListPosition() { return listPosition; }
    public void setListPosition(Integer v) { this.listPosition = v; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String v) { this.familyName = v == null ? null : v.strip(); }
    public String getGivenNames() { return givenNames; }
    public void setGivenNames(String v) { this.givenNames = v == null ? null : v.strip(); }
    public String getTitle() { return title; }
    public void setTitle(String v) { this.title = v == null || v.isBlank() ? null : v.strip(); }
    public String getProfession() { return profession; }
    public void setProfession(String v) { this.profession = v == null || v.isBlank() ? null : v.strip(); }
    public Integer getYearOfBirth() { return yearOfBirth; }
    public void setYearOfBirth(Integer v) { this.yearOfBirth = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { this.place = v == null || v.isBlank() ? null : v.strip(); }
}
