package crm.customer.rest;

import crm.customer.domain.Address;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.CustomerStatus;
import crm.customer.domain.IdentifierKind;
import crm.customer.domain.ImportantDate;
import crm.customer.domain.InfluenceClass;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
        String company,
        String jobTitle,
        String language,
        @Schema(description = "E.164", examples = "+8613800138000") String phone,
        @Schema(description = "Trimmed and lower-cased") String email,
        LocalDate birthday,
        String notes,
        List<String> tags,
        List<Address> addresses,
        List<ImportantDate> importantDates,
        InfluenceClass influenceClass,
        String ownerId,
        List<IdentifierResponse> identifiers,
        CustomerStatus status,
        @Schema(description = "Set when status is MERGED") UUID mergedInto,
        Instant lastSeenAt,
        @Schema(description = "Also the ETag; send it back in If-Match to change the customer") long version,
        Instant createdAt,
        Instant updatedAt) {

    static CustomerResponse of(Customer c) {
        return new CustomerResponse(c.id, c.kind, c.givenName, c.familyName, c.displayName, c.salutation, c.company,
                c.jobTitle, c.language, c.identifier(IdentifierKind.PHONE).orElse(null),
                c.identifier(IdentifierKind.EMAIL).orElse(null), c.birthday, c.notes, c.tags, c.addresses,
                c.importantDates, c.influenceClass, c.ownerId,
                c.identifiers.stream().map(IdentifierResponse::of).toList(), c.status, c.mergedInto, c.lastSeenAt,
                c.version, c.createdAt, c.updatedAt);
    }
}
