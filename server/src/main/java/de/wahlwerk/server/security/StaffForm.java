package de.wahlwerk.server.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Input for inviting a staff member with their first role. Empty scope = installation-wide. */
public class StaffForm {

    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{field.username}")
    private String username;

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String displayName;

    @Pattern(regexp = "|\\+?[0-9 ()/-]{3,40}", message = "{field.phone}")
    private String phone;

    @NotNull(message = "{field.required}")
    private Role role;

    @Pattern(regexp = "|[a-z][a-z0-9_-]{0,31}", message = "{field.hierarchy}")
    private String scopeHierarchy = "admin";

    @Pattern(regexp = "|[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String scopeKey;

    public RoleGrant grant() {
        boolean wide = scopeKey == null || scopeKey.isBlank();
        return new RoleGrant(role, wide ? Scope.INSTALLATION : new Scope(
                scopeHierarchy == null || scopeHierarchy.isBlank() ? "admin" : scopeHierarchy, scopeKey));
    }

    public String getUsername() { return username; }
    public void setUsername(String v) { this.username = v == null ? null : v.strip(); }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { this.displayName = v == null ? null : v.strip(); }
    public String getPhone() { return phone; }
    public void setPhone(String v) { this.phone = v == null || v.isBlank() ? null : v.strip(); }
    public Role getRole() { return role; }
    public void setRole(Role v) { this.role = v; }
    public String getScopeHierarchy() { return scopeHierarchy; }
    public void setScopeHierarchy(String v) { this.scopeHierarchy = v == null ? null : v.strip(); }
    public String getScopeKey() { return scopeKey; }
    public void setScopeKey(String v) { this.scopeKey = v == null || v.isBlank() ? null : v.strip(); }
}
