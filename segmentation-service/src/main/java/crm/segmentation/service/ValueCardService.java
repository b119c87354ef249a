package crm.segmentation.service;

import crm.rest.card.CardAction;
import crm.segmentation.config.SegmentationConfig;
import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.domain.Period;
import crm.segmentation.domain.PeriodClose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Segmentation's section of the front-desk card: the customer's level at their last close and the one
 * before, their value as of it, and the actions it calls for. A handful of lookups of one customer.
 */
@ApplicationScoped
public class ValueCardService {
    private final SegmentService segments;
    private final ValueMetrics metrics;
    private final StrategyService strategies;
    private final ValueCardRules rules;
    private final SegmentationConfig config;

    public ValueCardService(SegmentService segments, ValueMetrics metrics, StrategyService strategies,
            ValueCardRules rules, SegmentationConfig config) {
        this.segments = segments;
        this.metrics = metrics;
        this.strategies = strategies;
        this.rules = rules;
        this.config = config;
    }

    /**
     * @param level     at the last close the customer has a level at; null before any
     * @param previous  at the close of the same kind before it; null if they had none then
     * @param value     as of the end of that close
     */
    public record Card(boolean known, SegmentService.PeriodLevel level, SegmentService.PeriodLevel previous,
            String direction, ValueMetrics.Value value, Instant lastPurchaseAt, List<CardAction> actions) {
        static final Card UNKNOWN = new Card(false, null, null, null, null, null, List.of());
    }

    @Transactional
    public Card of(UUID customerId) {
        CustomerSegment segment = CustomerSegment.findById(customerId);
        if (segment == null) {
            return Card.UNKNOWN;
        }
        Instant lastPurchaseAt = segments.totals(customerId).lastPurchaseAt();
        List<SegmentService.PeriodLevel> latest = segments.levels(customerId, 1);
        if (latest.isEmpty()) {
            return new Card(true, null, null, null, null, lastPurchaseAt, List.of());
        }
        SegmentService.PeriodLevel level = latest.get(0);
        Period period = Period.parse(level.period()).orElseThrow();
        SegmentService.PeriodLevel previous = segments.previousLevel(customerId, period);
        String previousLevel = previous == null ? null : previous.level();
        ValueMetrics.Value value = metrics.of(segment, PeriodClose.findById(period.name()));
        StrategyService.CustomerCells cells = strategies.cellsOf(customerId, period);
        List<CardAction> actions = rules.actions(new ValueCardRules.Facts(period.name(), level.level(), previousLevel,
                period.end(config.zone()), lastPurchaseAt, cells.rad(), value.shareOfWallet(), segment.wallet,
                cells.loyalty(), cells.purchases12(), segment.satisfaction, segment.nps));
        return new Card(true, level, previous, rules.direction(previousLevel, level.level()), value, lastPurchaseAt,
                actions);
    }
}
