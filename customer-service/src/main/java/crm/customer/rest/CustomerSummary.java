package crm.customer.rest;

import crm.customer.domain.Customer;
import crm.customer.domain.CustomerCard;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.InfluenceClass;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the counter needs to greet the guest. */
@Schema(name = "CustomerSummary")
public record CustomerSummary(UUID id, @Schema(examples = "Mr. Yu") String salutation,
        @Schema(examples = "Yu Wei") String displayName, CustomerKind kind, InfluenceClass influenceClass,
        String ownerId) {

    static CustomerSummary of(Customer c) {
        return new CustomerSummary(c.id, c.salutation, c.displayName, c.kind, c.influenceClass, c.ownerId);
    }

    static CustomerSummary of(CustomerCard c) {
        return new CustomerSummary(c.id(), c.salutation(), c.displayName(), c.kind(), c.influenceClass(), c.ownerId());
    }
}
