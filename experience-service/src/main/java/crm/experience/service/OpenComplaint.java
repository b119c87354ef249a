package crm.experience.service;

import crm.experience.domain.Channel;
import crm.experience.domain.Severity;
import crm.experience.domain.VisitIds;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A complaint a customer raised, as front-desk staff or a call centre record it. */
@Schema(name = "NewComplaint")
public record OpenComplaint(
        @NotNull UUID customerId,
        @Schema(description = VisitIds.DESCRIPTION, examples = "T-2026-1042")
        @Pattern(regexp = VisitIds.PATTERN, message = VisitIds.INVALID) String visitId,
        @Schema(examples = "cafe-visit") @Size(max = 100) String journeyCode,
        @Schema(examples = "queue") @Size(max = 100) String touchPointCode,
        @NotNull Severity severity,
        @NotNull Channel channel,
        @Schema(examples = "Waited 25 minutes for a latte; nobody said sorry.") @NotBlank @Size(max = 4000) String description,
        @Schema(description = """
                Who handles it; else whoever acknowledges it. Another owner than the caller needs the role
                account-manager.""", examples = "staff-17") @Size(max = 100) String ownerId) {
}
