package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.UnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input for a polling or postal district. {@code areas} maps each hierarchy to the official key of
 * the leaf area the unit belongs to there (e.g. admin → city district, bundestag → constituency).
 */
public class ReportingUnitForm {

    @NotNull(message = "{field.required}")
    private UnitKind kind;

    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String officialKey;

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String name;

    @Pattern(regexp = "|[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String pollingStationKey;

    @Pattern(regexp = "|[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String countedWithKey;

    private Map<String, String> areas = new LinkedHashMap<>();

    public UnitKind getKind() { return kind; }
    public void setKind(UnitKind kind) { this.kind = kind; }
    public String getOfficialKey() { return officialKey; }
    public void setOfficialKey(String v) { this.officialKey = v == null ? null : v.strip(); }
    public String getName() { return name; }
    public void setName(String v) { this.name = v == null ? null : v.strip(); }
    public String getPollingStationKey() { return pollingStationKey; }
    public void setPollingStationKey(String v) { this.pollingStationKey = v == null || v.isBlank() ? null : v.strip(); }
    public String getCountedWithKey() { return countedWithKey; }
    public void setCountedWithKey(String v) { this.countedWithKey = v == null || v.isBlank() ? null : v.strip(); }
    public Map<String, String> getAreas() { return areas; }
    public void setAreas(Map<String, String> areas) { this.areas = areas == null ? new LinkedHashMap<>() : areas; }
}
