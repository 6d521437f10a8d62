package de.wahlwerk.server.setup;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;

/** Input for creating or editing an election day (admin form and REST body). */
public class ElectionDayForm {

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String name;

    @NotNull(message = "{field.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @NotNull(message = "{field.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime pollsClose = LocalTime.of(18, 0);

    /** Hierarchy of the organising area, e.g. "admin". */
    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[a-z][a-z0-9_-]{0,31}", message = "{field.hierarchy}")
    private String scopeHierarchy = "admin";

    /** Official key of the organising area, e.g. the AGS of the municipality. */
    @NotBlank(message = "{field.required}")
    @Pattern(regexp = "[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String scopeKey;

    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.strip(); }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getPollsClose() { return pollsClose; }
    public void setPollsClose(LocalTime pollsClose) { this.pollsClose = pollsClose; }
    public String getScopeHierarchy() { return scopeHierarchy; }
    public void setScopeHierarchy(String scopeHierarchy) { this.scopeHierarchy = scopeHierarchy == null ? null : scopeHierarchy.strip(); }
    public String getScopeKey() { return scopeKey; }
    public void setScopeKey(String scopeKey) { this.scopeKey = scopeKey == null ? null : scopeKey.strip(); }
}
