package crm.customer.service;

import crm.customer.domain.CustomerKind;
import java.time.LocalDate;

/** What the front desk knows about a new customer; the service validates and normalises it. */
public record RegisterCustomer(String givenName, String familyName, String displayName, String salutation,
        String phone, String email, LocalDate birthday, CustomerKind kind) {
}
