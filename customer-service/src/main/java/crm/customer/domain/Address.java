package crm.customer.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A postal address; {@code label} says which one (home, office, delivery). */
public record Address(
        @Size(max = 40) String label,
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @Size(max = 100) String city,
        @Size(max = 20) String postalCode,
        @Size(min = 2, max = 2) String country) {
}
