package crm.customer.service;

import crm.customer.domain.Address;
import crm.customer.domain.Customer;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.IdentifierKind;
import crm.customer.domain.ImportantDate;
import crm.customer.domain.InfluenceClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything staff may write about a customer: the body of a registration, and the document a
 * JSON Merge Patch applies to. At least one of displayName, givenName, familyName.
 */
@Schema(name = "CustomerProfile")
public record CustomerProfile(
        @Schema(description = "Defaults to CONSUMER") CustomerKind kind,
        @Schema(examples = "Wei") @Size(max = 100) String givenName,
        @Schema(examples = "Yu") @Size(max = 100) String familyName,
        @Schema(description = "How staff see the customer; defaults to given and family name", examples = "Yu Wei")
        @Size(max = 200) String displayName,
        @Schema(description = "How to greet the customer", examples = "Mr. Yu") @Size(max = 100) String salutation,
        @Size(max = 200) String company,
        @Size(max = 100) String jobTitle,
        @Schema(description = "BCP 47 language tag", examples = "zh-CN")
        @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*") String language,
        @Schema(examples = "1985-03-14") @PastOrPresent LocalDate birthday,
        @Size(max = 4000) String notes,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> tags,
        @Size(max = 10) List<@Valid Address> addresses,
        @Size(max = 20) List<@Valid ImportantDate> importantDates,
        @Schema(description = "Defaults to C") InfluenceClass influenceClass,
        @Schema(description = "The account manager who owns the customer") @Size(max = 100) String ownerId,
        @Schema(description = "Any common format; stored as E.164", examples = "+86 138 0013 8000")
        @Size(max = 40) String phone,
        @Schema(examples = "yu.wei@example.com") @Size(max = 254) String email) {

    public CustomerProfile {
        // The counter types what the guest says; stray blanks must not make an address invalid.
        email = email == null ? null : email.strip();
        tags = tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        importantDates = importantDates == null ? List.of() : List.copyOf(importantDates);
    }

    public static CustomerProfile of(Customer c) {
        return new CustomerProfile(c.kind, c.givenName, c.familyName, c.displayName, c.salutation, c.company,
                c.jobTitle, c.language, c.birthday, c.notes, c.tags, c.addresses, c.importantDates, c.influenceClass,
                c.ownerId, c.identifier(IdentifierKind.PHONE).orElse(null),
                c.identifier(IdentifierKind.EMAIL).orElse(null));
    }
}
