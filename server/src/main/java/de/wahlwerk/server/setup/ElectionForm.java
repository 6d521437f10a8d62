package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.ElectionKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Input for an election of an election day. */
public class ElectionForm {

    @NotNull(message = "{field.required}")
    private ElectionKind kind;

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String name;

    @Min(value = 1, message = "{field.min}")
    @Max(value = 10000, message = "{field.max}")
    private Integer seats;

    @Min(value = 1, message = "{field.min}")
    @Max(value = 1000, message = "{field.max}")
    private Integer votesPerVoter;

    @Min(value = 1, message = "{field.min}")
    @Max(value = 10, message = "{field.max}")
    private Integer maxVotesPerCandidate;

    @Pattern(regexp = "|[a-z][a-z0-9_-]{0,31}", message = "{field.hierarchy}")
    private String hierarchy;

    public ElectionKind getKind() { return kind; }
    public void setKind(ElectionKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.strip(); }
    public Integer getSeats() { return seats; }
    public void setSeats(Integer seats) { this.seats = seats; }
    public Integer getVotesPerVoter() { return votesPerVoter; }
    public void setVotesPerVoter(Integer votesPerVoter) { this.votesPerVoter = votesPerVoter; }
    public Integer getMaxVotesPerCandidate() { return maxVotesPerCandidate; }
    public void setMaxVotesPerCandidate(Integer maxVotesPerCandidate) { this.maxVotesPerCandidate = maxVotesPerCandidate; }
    public String getHierarchy() { return hierarchy; }
    public void setHierarchy(String hierarchy) { this.hierarchy = hierarchy == null || hierarchy.isBlank() ? null : hierarchy.strip(); }
}
