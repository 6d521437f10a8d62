package de.wahlwerk.server.results;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A lot as drawn by the responsible official or committee: which decision it settles, the ids in
 * the order drawn (first drawn first), who drew, when (local time) and on what grounds.
 */
public class LotForm {

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String decisionKey;

    @NotEmpty(message = "{field.required}")
    private List<String> drawnOrder = new ArrayList<>();

    @NotBlank(message = "{field.required}")
    @Size(max = 200, message = "{field.tooLong}")
    private String drawnBy;

    @NotNull(message = "{field.required}")
    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS"})
    private LocalDateTime drawnAt;

    @NotBlank(message = "{field.required}")
    @Size(max = 1000, message = "{field.tooLong}")
    private String reason;

    public String getDecisionKey() { return decisionKey; }
    public void setDecisionKey(String decisionKey) { this.decisionKey = decisionKey == null ? null : decisionKey.strip(); }
    public List<String> getDrawnOrder() { return drawnOrder; }
    public void setDrawnOrder(List<String> drawnOrder) { this.drawnOrder = drawnOrder == null ? new ArrayList<>() : drawnOrder; }
    public String getDrawnBy() { return drawnBy; }
    public void setDrawnBy(String drawnBy) { this.drawnBy = drawnBy == null ? null : drawnBy.strip(); }
    public LocalDateTime getDrawnAt() { return drawnAt; }
    public void setDrawnAt(LocalDateTime drawnAt) { this.drawnAt = drawnAt; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason == null ? null : reason.strip(); }
}
