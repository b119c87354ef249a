package crm.customer.rest;

import crm.customer.domain.Customer;
import java.time.Instant;

public record AbsentResponse(CustomerSummary customer, Instant lastSeenAt, Instant registeredAt) {

    static AbsentResponse of(Customer c) {
        return new AbsentResponse(CustomerSummary.of(c), c.lastSeenAt, c.createdAt);
    }
}
