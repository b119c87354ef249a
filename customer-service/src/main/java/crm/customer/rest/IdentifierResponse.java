package crm.customer.rest;

import crm.customer.domain.CustomerIdentifier;
import crm.customer.domain.IdentifierKind;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Identifier")
public record IdentifierResponse(IdentifierKind kind, @Schema(description = "Normalised") String value, Instant createdAt) {

    static IdentifierResponse of(CustomerIdentifier i) {
        return new IdentifierResponse(i.kind, i.value, i.createdAt);
    }
}
