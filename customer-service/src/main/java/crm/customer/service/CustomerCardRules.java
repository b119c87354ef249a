package crm.customer.service;

import static crm.rest.card.CardAction.facts;

import crm.customer.config.CardConfig;
import crm.customer.domain.InfluenceClass;
import crm.rest.card.CardAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Customize step with what customer-service knows: dates, absence, the usual, the owner. */
@ApplicationScoped
public class CustomerCardRules {
    private final CardConfig config;

    public CustomerCardRules(CardConfig config) {
        this.config = config;
    }

    public List<CardAction> actions(CustomerCardSection s) {
        List<CardAction> actions = new ArrayList<>();
        s.upcomingDates().stream().findFirst().ifPresent(date -> actions.add(wish(date)));
        if (s.influenceClass() == InfluenceClass.A) {
            actions.add(new CardAction("OWNER_GREETS", config.priorities().ownerGreets(),
                    s.ownerId() == null ? "An A-class guest: the manager greets them personally."
                            : "An A-class guest: " + s.ownerId() + " greets them personally.",
                    "A-class influence customers are managed personally.",
                    facts("influenceClass", "A", "ownerId", s.ownerId()), null));
        }
        if (s.daysSinceLastSeen() != null && s.daysSinceLastSeen() >= config.absentDays()) {
            actions.add(new CardAction("WELCOME_BACK", config.priorities().welcomeBack(),
                    "Welcome " + s.salutation() + " back by name.",
                    "Not seen for " + s.daysSinceLastSeen() + " days.",
                    facts("lastSeenAt", s.lastSeenAt(), "daysSinceLastSeen", s.daysSinceLastSeen()), null));
        }
        List<CustomerCardSection.Like> usual = s.likes().stream()
                .filter(like -> like.category() != null && config.usualCategories().contains(like.category())).toList();
        if (!usual.isEmpty()) {
            actions.add(new CardAction("OFFER_USUAL", config.priorities().offerUsual(),
                    "Offer the usual without asking: " + usual.stream().map(l -> l.key() + " " + l.value())
                            .collect(Collectors.joining("; ")) + ".",
                    "Remembered from what the guest said or did before.",
                    facts("keys", usual.stream().map(CustomerCardSection.Like::key).toList()), null));
        }
        return actions;
    }

    private CardAction wish(CustomerCardSection.UpcomingDate date) {
        String what = date.kind().equals("BIRTHDAY") ? "birthday" : date.label() != null ? date.label()
                : date.kind().toLowerCase(Locale.ROOT).replace('_', ' ');
        String when = date.inDays() == 0 ? "today" : date.inDays() == 1 ? "tomorrow"
                : "on " + date.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + date.date();
        return new CardAction("WISH_DATE", config.priorities().wishDate(), "Wish the guest a happy " + what + " (" + when + ").",
                "Their " + what + " is " + (date.inDays() == 0 ? "today." : "in " + date.inDays() + " days."),
                facts("kind", date.kind(), "date", date.date(), "inDays", date.inDays()), null);
    }
}
