package crm.customer.rest;

import crm.customer.domain.CustomerKind;
import crm.customer.service.RegisterCustomer;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegisterCustomer", description = "A new customer. At least one of displayName, givenName, familyName.")
public record RegisterCustomerRequest(
        @Schema(examples = "Wei") @Size(max = 100) String givenName,
        @Schema(examples = "Yu") @Size(max = 100) String familyName,
        @Schema(description = "How staff see the customer; defaults to given and family name", examples = "Yu Wei")
        @Size(max = 200) String displayName,
        @Schema(description = "How to greet the customer", examples = "Mr. Yu") @Size(max = 100) String salutation,
        @Schema(description = "Any common format; stored as E.164", examples = "+86 138 0013 8000") @Size(max = 40) String phone,
        @Schema(examples = "yu.wei@example.com") @Email @Size(max = 254) String email,
        @Schema(examples = "1985-03-14") @PastOrPresent LocalDate birthday,
        @Schema(description = "Defaults to CONSUMER") CustomerKind kind) {

    public RegisterCustomerRequest {
        // The counter types what the guest says; stray blanks must not make an address invalid.
        email = email == null ? null : email.strip();
    }

    RegisterCustomer toCommand() {
        return new RegisterCustomer(givenName, familyName, displayName, salutation, phone, email, birthday, kind);
    }
}
