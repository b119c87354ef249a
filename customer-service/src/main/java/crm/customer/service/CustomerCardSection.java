package crm.customer.service;

import crm.customer.domain.ConsentChannel;
import crm.customer.domain.CustomerKind;
import crm.customer.domain.InfluenceClass;
import crm.customer.domain.PreferenceSource;
import crm.rest.card.CardAction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What customer-service tells the counter about a guest: who she is, what she likes, what is coming up. */
@Schema(name = "CustomerCardSection")
public record CustomerCardSection(
        UUID customerId,
        @Schema(description = "The id asked for, when that record was merged into customerId; else null") UUID mergedFrom,
        @Schema(examples = "Ms. Lin") String salutation,
        @Schema(examples = "Lin Mei") String displayName,
        @Schema(examples = "zh-CN") String language,
        CustomerKind kind,
        InfluenceClass influenceClass,
        @Schema(examples = "am-7") String ownerId,
        @Schema(description = "Stated preferences first, then observed ones") List<Like> likes,
        @Schema(description = "Birthday and important dates in the next days, soonest first") List<UpcomingDate> upcomingDates,
        Instant lastSeenAt,
        @Schema(description = "Whole days since last seen in the business's time zone; null if never seen") Integer daysSinceLastSeen,
        Consent consent,
        List<CardAction> actions) {

    @Schema(name = "CardLike")
    public record Like(@Schema(examples = "seat") String key, @Schema(examples = "SEAT") String category,
            @Schema(examples = "window-2") String value, PreferenceSource source) {
    }

    @Schema(name = "CardUpcomingDate")
    public record UpcomingDate(@Schema(description = "BIRTHDAY, ANNIVERSARY, FIRST_VISIT or OTHER") String kind,
            String label, LocalDate date, @Schema(description = "0 is today") int inDays) {
    }

    @Schema(name = "CardConsent")
    public record Consent(@Schema(description = "Marketing is granted on at least one channel") boolean marketing,
            List<ConsentChannel> marketingChannels) {
    }

    CustomerCardSection withActions(List<CardAction> proposed) {
        return new CustomerCardSection(customerId, mergedFrom, salutation, displayName, language, kind, influenceClass,
                ownerId, likes, upcomingDates, lastSeenAt, daysSinceLastSeen, consent, proposed);
    }
}
