package crm.customer.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.customer.config.CardConfig;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.InfluenceClass;
import crm.customer.domain.PreferenceSource;
import crm.rest.card.CardAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerCardRulesTest {
    private static final CardConfig CONFIG = new CardConfig() {
        public int datesWithinDays() {
            return 7;
        }

        public int absentDays() {
            return 365;
        }

        public Set<String> usualCategories() {
            return Set.of("SEAT", "FOOD");
        }

        public Priorities priorities() {
            return new Priorities() {
                public int wishDate() {
                    return 80;
                }

                public int ownerGreets() {
                    return 75;
                }

                public int welcomeBack() {
                    return 60;
                }

                public int offerUsual() {
                    return 30;
                }
            };
        }
    };
    private final CustomerCardRules rules = new CustomerCardRules(CONFIG);

    @Test
    void aGuestWithNothingKnownGetsNoAction() {
        assertEquals(List.of(), rules.actions(section(InfluenceClass.C, null, List.of(), List.of(), null)));
    }

    @Test
    void theSoonestDateIsWishedTodayTomorrowOrOnItsWeekday() {
        LocalDate friday = LocalDate.parse("2026-12-04");
        CardAction wish = rules.actions(section(InfluenceClass.C, null, List.of(),
                List.of(new CustomerCardSection.UpcomingDate("BIRTHDAY", null, friday, 2),
                        new CustomerCardSection.UpcomingDate("ANNIVERSARY", "Wedding", friday.plusDays(3), 5)), null)).get(0);
        assertEquals(new CardAction("WISH_DATE", 80, "Wish the guest a happy birthday (on Friday 2026-12-04).",
                "Their birthday is in 2 days.", Map.of("kind", "BIRTHDAY", "date", friday, "inDays", 2), null), wish);
        CardAction today = rules.actions(section(InfluenceClass.C, null, List.of(),
                List.of(new CustomerCardSection.UpcomingDate("ANNIVERSARY", "Wedding", friday, 0)), null)).get(0);
        assertEquals("Wish the guest a happy Wedding (today).", today.text());
        assertEquals("Their Wedding is today.", today.reason());
    }

    @Test
    void anAClassGuestIsGreetedByTheOwnerAndALongAbsenceIsWelcomedBack() {
        List<CardAction> actions = rules.actions(section(InfluenceClass.A, 365, List.of(), List.of(), "am-7"));
        assertEquals(List.of("OWNER_GREETS", "WELCOME_BACK"), actions.stream().map(CardAction::code).toList());
        assertEquals("An A-class guest: am-7 greets them personally.", actions.get(0).text());
        assertEquals(Map.of("influenceClass", "A", "ownerId", "am-7"), actions.get(0).facts());
        assertEquals("Not seen for 365 days.", actions.get(1).reason());
        assertEquals(List.of(), rules.actions(section(InfluenceClass.B, 364, List.of(), List.of(), null)));
    }

    @Test
    void onlyTheUsualCategoriesAreOfferedWithoutAsking() {
        List<CardAction> actions = rules.actions(section(InfluenceClass.C, 3, List.of(
                new CustomerCardSection.Like("contact", "CONTACT_TIME", "evenings", PreferenceSource.STATED),
                new CustomerCardSection.Like("seat", "SEAT", "window-2", PreferenceSource.STATED),
                new CustomerCardSection.Like("usualOrder", "FOOD", "Latte", PreferenceSource.OBSERVED)), List.of(), null));
        assertEquals(List.of(new CardAction("OFFER_USUAL", 30, "Offer the usual without asking: seat window-2; usualOrder Latte.",
                "Remembered from what the guest said or did before.", Map.of("keys", List.of("seat", "usualOrder")), null)),
                actions);
    }

    private static CustomerCardSection section(InfluenceClass influence, Integer daysSince,
            List<CustomerCardSection.Like> likes, List<CustomerCardSection.UpcomingDate> dates, String owner) {
        return new CustomerCardSection(UUID.randomUUID(), null, "Ms. Lin", "Lin Mei", "zh-CN", CustomerKind.CONSUMER,
                influence, owner, likes, dates, daysSince == null ? null : Instant.parse("2025-01-01T00:00:00Z"),
                daysSince, new CustomerCardSection.Consent(false, List.of()), List.of());
    }
}
