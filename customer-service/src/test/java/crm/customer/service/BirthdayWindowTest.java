package crm.customer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BirthdayWindowTest {

    @Test
    void aWindowAcrossNewYearWrapsAround() {
        assertEquals(List.of(1229, 1230, 1231, 101, 102, 103), keys(LocalDate.of(2026, 12, 29), 5));
    }

    @Test
    void the29thOfFebruaryIsCelebratedOnThe28thOutsideLeapYears() {
        assertEquals(List.of(227, 228, 229, 301), keys(LocalDate.of(2027, 2, 27), 2));
        // 28 and 29 February birthdays are celebrated on the same day, so they are listed together, by name
        assertEquals(List.of(0, 1, 1, 2), List.copyOf(CustomerQueries.birthdayWindow(LocalDate.of(2027, 2, 27), 2).values()));
        assertEquals(LocalDate.of(2027, 2, 28), CustomerQueries.nextBirthday(LocalDate.of(1988, 2, 29), LocalDate.of(2027, 1, 10)));
    }

    @Test
    void inLeapYearsThe29thIsItsOwnDay() {
        assertEquals(List.of(227, 228), keys(LocalDate.of(2028, 2, 27), 1));
        assertEquals(List.of(229, 301), keys(LocalDate.of(2028, 2, 29), 1));
        assertEquals(LocalDate.of(2028, 2, 29), CustomerQueries.nextBirthday(LocalDate.of(1988, 2, 29), LocalDate.of(2028, 2, 1)));
    }

    @Test
    void aBirthdayAlreadyPastThisYearIsNextYear() {
        assertEquals(LocalDate.of(2027, 3, 14), CustomerQueries.nextBirthday(LocalDate.of(1985, 3, 14), LocalDate.of(2026, 11, 22)));
        assertEquals(LocalDate.of(2026, 11, 22), CustomerQueries.nextBirthday(LocalDate.of(1985, 11, 22), LocalDate.of(2026, 11, 22)));
    }

    private static List<Integer> keys(LocalDate today, int days) {
        return List.copyOf(CustomerQueries.birthdayWindow(today, days).keySet());
    }
}
