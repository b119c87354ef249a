package crm.customer.domain;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A date worth remembering besides the birthday: an anniversary, the first visit. */
public record ImportantDate(@NotNull Kind kind, @NotNull LocalDate date, @Size(max = 100) String label) {

    public enum Kind {
        ANNIVERSARY, FIRST_VISIT, OTHER
    }
}
