package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.AreaLevel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Input for an area. The parent is named by its official key within the same hierarchy. */
public class AreaForm {

    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "{field.hierarchy}")
    private String hierarchy = "admin";

    @NotNull(message = "{field.required}")
    private AreaLevel level;

    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String officialKey;

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String name;

    @Pattern(regexp = "|[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String parentKey;

    public String getHierarchy() { return hierarchy; }
    public void setHierarchy(String hierarchy) { this.hierarchy = hierarchy == null ? null : hierarchy.strip(); }
    public AreaLevel getLevel() { return level; }
    public void setLevel(AreaLevel level) { this.level = level; }
    public String getOfficialKey() { return officialKey; }
    public void setOfficialKey(String officialKey) { this.officialKey = officialKey == null ? null : officialKey.strip(); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.strip(); }
    public String getParentKey() { return parentKey; }
    public void setParentKey(String parentKey) { this.parentKey = parentKey == null || parentKey.isBlank() ? null : parentKey.strip(); }
}
