package de.wahlwerk.server.setup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Input for a polling station. {@code areaKey} names the (administrative) area whose office runs it. */
public class PollingStationForm {

    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String stationKey;

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String name;

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String street;

    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "\\d{5}", message = "{field.postalCode}")
    private String postalCode;

    @NotBlank(message = "{field.required}")
    @Size(max = 100, message = "{field.tooLong}")
    private String city;

    @NotNull(message = "{field.required}")
    private Boolean stepFree = Boolean.FALSE;

    @Size(max = 200, message = "{field.tooLong}")
    private String chairName;

    @Pattern(regexp = "|\\+?[0-9 ()/-]{3,40}", message = "{field.phone}")
    private String chairPhone;

    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String areaKey;

    @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "{field.hierarchy}")
    private String areaHierarchy = "admin";

    public String getStationKey() { return stationKey; }
    public void setStationKey(String v) { this.stationKey = v == null ? null : v.strip(); }
    public String getName() { return name; }
    public void setName(String v) { this.name = v == null ? null : v.strip(); }
    public String getStreet() { return street; }
    public void setStreet(String v) { this.street = v == null ? null : v.strip(); }
    public String getPostalCode() { return postalCode; }
    public void setPostalCode(String v) { this.postalCode = v == null ? null : v.strip(); }
    public String getCity() { return city; }
    public void setCity(String v) { this.city = v == null ? null : v.strip(); }
    public Boolean getStepFree() { return stepFree; }
    public void setStepFree(Boolean v) { this.stepFree = v; }
    public String getChairName() { return chairName; }
    public void setChairName(String v) { this.chairName = v == null || v.isBlank() ? null : v.strip(); }
    public String getChairPhone() { return chairPhone; }
    public void setChairPhone(String v) { this.chairPhone = v == null || v.isBlank() ? null : v.strip(); }
    public String getAreaKey() { return areaKey; }
    public void setAreaKey(String v) { this.areaKey = v == null ? null : v.strip(); }
    public String getAreaHierarchy() { return areaHierarchy; }
    public void setAreaHierarchy(String v) { this.areaHierarchy = v == null || v.isBlank() ? "admin" : v.strip(); }
}
