package crm.customer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** The front-desk card's rules for what customer-service knows: when each applies and how it ranks. */
@ConfigMapping(prefix = "crm.card")
public interface CardConfig {

    /** A birthday or other important date this many days ahead (today included) is wished. */
    @WithDefault("7")
    int datesWithinDays();

    /** Not seen for at least this many days: welcomed back by name. */
    @WithDefault("365")
    int absentDays();

    /** Preference categories the counter offers without asking ("the usual?"). */
    @WithDefault("SEAT,FOOD,BEVERAGE,NEWSPAPER,ROOM")
    Set<String> usualCategories();

    /** Each action's rank among the card's actions (0-100, higher first). */
    Priorities priorities();

    interface Priorities {
        /** Wish a birthday or anniversary. */
        @WithDefault("80")
        int wishDate();

        /** The owner of an A-class customer greets them personally. */
        @WithDefault("75")
        int ownerGreets();

        /** Welcome back after a long absence. */
        @WithDefault("60")
        int welcomeBack();

        /** Offer the usual seat, order or newspaper. */
        @WithDefault("30")
        int offerUsual();
    }
}
