package crm.customer.rest;

import crm.customer.domain.Customer;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.IdentifierKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Customer")
public record CustomerResponse(
        UUID id,
        CustomerKind kind,
        String givenName,
        String familyName,
        String displayName,
        String salutation,
        @Schema(description = "E.164", examples = "+8613800138000") String phone,
        @Schema(description = "Trimmed and lower-cased") String email,
        LocalDate birthday,
        CustomerStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static CustomerResponse of(Customer c) {
        return new CustomerResponse(c.id, c.kind, c.givenName, c.familyName, c.displayName, c.salutation,
                c.identifier(IdentifierKind.PHONE).orElse(null), c.identifier(IdentifierKind.EMAIL).orElse(null),
                c.birthday, c.status, c.version, c.createdAt, c.updatedAt);
    }
}
