package crm.experience.rest;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExperienceErasure", description = "experience-service applied the customer's erasure")
public record ErasureStatus(UUID customerId,
        @Schema(description = "When experience-service applied it (its own record, not the request's time)",
                examples = "2026-12-02T05:10:00Z") Instant erasedAt) {
}
