package de.wahlwerk.server.results;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A correction of an entered lot: the lot as it should have been entered (same decision key), and
 * why the entry is corrected. The corrected entry is kept, marked as superseded.
 */
public class LotCorrectionForm extends LotForm {

    @NotBlank(message = "{field.required}")
    @Size(max = 1000, message = "{field.tooLong}")
    private String correctionReason;

    public String getCorrectionReason() { return correctionReason; }
    public void setCorrectionReason(String correctionReason) {
        this.correctionReason = correctionReason == null ? null : correctionReason.strip();
    }
}
