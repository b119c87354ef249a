package crm.segmentation.rest;

import crm.rest.card.CardAction;
import crm.segmentation.service.ValueCardService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Segmentation's section of the front-desk card: the customer's level now and before, and what to do about it. */
@Schema(name = "ValueCardSection", description = "The customer's value for the front-desk card, with next best actions")
public record ValueCardSection(UUID customerId,
        @Schema(description = "Whether segmentation knows the customer; if not, every other field is null or empty")
        boolean known,
        @Schema(description = "The last closed period the customer has a level at; null before any", examples = "2026-10")
        String period,
        @Schema(description = "The level at that period", examples = "MEDIUM") String level,
        @Schema(description = "The close of the same kind before it; null if the customer had no level then",
                examples = "2026-09") String previousPeriod,
        @Schema(examples = "BIG") String previousLevel,
        @Schema(description = "UP, DOWN or SAME by the pyramid's order; NEW without a previous level; null without a level",
                enumeration = {"UP", "DOWN", "SAME", "NEW"}, examples = "DOWN") String direction,
        @Schema(description = "RFM code as of the end of the period; null without a purchase in the RFM window",
                examples = "515") String rfm,
        @Schema(description = "Simple lifetime value m·r/(1+i−r) as of the end of the period", examples = "5066.67")
        BigDecimal lifetimeValue,
        Instant lastPurchaseAt,
        @Schema(description = "Next best actions, highest priority first") List<CardAction> actions) {

    static ValueCardSection of(UUID customerId, ValueCardService.Card c) {
        return new ValueCardSection(customerId, c.known(), c.level() == null ? null : c.level().period(),
                c.level() == null ? null : c.level().level(), c.previous() == null ? null : c.previous().period(),
                c.previous() == null ? null : c.previous().level(), c.direction(),
                c.value() == null || c.value().rfm() == null ? null : c.value().rfm().code(),
                c.value() == null ? null : c.value().lifetimeValue(), c.lastPurchaseAt(), c.actions());
    }
}
