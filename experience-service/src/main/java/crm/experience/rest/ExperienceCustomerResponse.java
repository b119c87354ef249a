package crm.experience.rest;

import crm.experience.domain.ExperienceCustomer;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExperienceCustomer")
public record ExperienceCustomerResponse(UUID customerId, @Schema(examples = "CONSUMER") String kind, Instant knownSince) {

    static ExperienceCustomerResponse of(ExperienceCustomer c) {
        return new ExperienceCustomerResponse(c.customerId, c.kind, c.knownSince);
    }
}
