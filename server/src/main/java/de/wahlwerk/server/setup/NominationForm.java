package de.wahlwerk.server.setup;

import de.wahlwerk.core.model.GroupKind;
import de.wahlwerk.core.model.VoteKind;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Input for a nomination. {@code areaKey} (in the election's hierarchy) narrows where it stands. */
public class NominationForm {

    @NotNull(message = "{field.required}")
    private VoteKind voteKind;

    @Pattern(regexp = "|[0-9A-Za-z][0-9A-Za-z._/-]{0,39}", message = "{field.officialKey}")
    private String areaKey;

    @NotNull(message = "{field.required}")
    @Min(value = 1, message = "{field.min}")
    @Max(value = 999, message = "{field.max}")
    private Integer ballotPosition;

    @NotBlank(message = "{field.required}")
    @Size(max = 100, message = "{field.tooLong}")
    private String shortName;

    @NotBlank(message = "{field.required}")
    @Size(max = 300, message = "{field.tooLong}")
    private String name;

    @NotNull(message = "{field.required}")
    private GroupKind groupKind = GroupKind.PARTY;

    public VoteKind getVoteKind() { return voteKind; }
    public void setVoteKind(VoteKind v) { this.voteKind = v; }
    public String getAreaKey() { return areaKey; }
    public void setAreaKey(String v) { this.areaKey = v == null || v.isBlank() ? null : v.strip(); }
    public Integer getBallotPosition() { return ballotPosition; }
    public void setBallotPosition(Integer v) { this.ballotPosition = v; }
    public String getShortName() { return shortName; }
    public void setShortName(String v) { this.shortName = v == null ? null : v.strip(); }
    public String getName() { return name; }
    public void setName(String v) { this.name = v == null ? null : v.strip(); }
    public GroupKind getGroupKind() { return groupKind; }
    public void setGroupKind(GroupKind v) { this.groupKind = v; }
}
