package crm.experience.service;

import crm.experience.domain.ComplaintStatus;
import crm.experience.domain.Outcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The next step of service recovery; who takes it is the caller. */
@Schema(name = "ComplaintTransition")
public record MoveComplaint(
        @NotNull ComplaintStatus to,
        @Schema(description = "The apology, what was done (required when resolving), how it ended",
                examples = "Apologised and offered a free drink on the next visit") @Size(max = 4000) String note,
        @Schema(description = "Required exactly when closing") Outcome outcome) {
}
