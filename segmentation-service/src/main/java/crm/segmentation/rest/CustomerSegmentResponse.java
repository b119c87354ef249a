package crm.segmentation.rest;

import crm.segmentation.domain.CustomerSegment;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CustomerSegment")
public record CustomerSegmentResponse(
        UUID customerId,
        @Schema(examples = "PROSPECT") String level,
        Instant levelSince,
        Instant registeredAt) {

    static CustomerSegmentResponse of(CustomerSegment s) {
        return new CustomerSegmentResponse(s.customerId, s.level, s.levelSince, s.registeredAt);
    }
}
