package crm.customer.rest;

import crm.customer.service.CustomerQueries;
import java.time.LocalDate;

public record BirthdayResponse(CustomerSummary customer, LocalDate birthday, LocalDate nextBirthday) {

    static BirthdayResponse of(CustomerQueries.UpcomingBirthday b) {
        return new BirthdayResponse(CustomerSummary.of(b.customer()), b.customer().birthday, b.date());
    }
}
