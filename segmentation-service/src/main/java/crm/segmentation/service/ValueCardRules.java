package crm.segmentation.service;

import crm.rest.card.CardAction;
import crm.segmentation.config.CardConfig;
import crm.segmentation.domain.PyramidScheme;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The next best actions segmentation's data supports (DOMAIN.md §5): win back a customer whose value
 * fell, develop a large wallet we have a low share of, delight a repeat buyer who is not delighted.
 */
@ApplicationScoped
public class ValueCardRules {
    public static final String WIN_BACK = "WIN_BACK";
    public static final String DEVELOP = "DEVELOP";
    public static final String DELIGHT = "DELIGHT";

    private final CardConfig config;
    private final PyramidScheme scheme;

    public ValueCardRules(CardConfig config, PyramidScheme scheme) {
        this.config = config;
        this.scheme = scheme;
    }

    /**
     * What is known of the customer at the last close they have a level at.
     *
     * @param periodEnd    when that period ended
     * @param radCell      the customer's cell of the RAD grid at that close
     * @param loyaltyCell  ... and of the loyalty grid
     */
    public record Facts(String period, String level, String previousLevel, Instant periodEnd,
            Instant lastPurchaseAt, String radCell, BigDecimal shareOfWallet, BigDecimal wallet,
            String loyaltyCell, long purchases12, Integer satisfaction, Integer nps) {
    }

    /**
     * UP, DOWN or SAME by the order of the scheme's levels (INACTIVE and PROSPECT below the active ones);
     * NEW without an earlier level; null without a level, or for a level the scheme no longer has.
     */
    public String direction(String previousLevel, String level) {
        if (level == null) {
            return null;
        }
        if (previousLevel == null) {
            return "NEW";
        }
        int from = scheme.allLevels().indexOf(previousLevel);
        int to = scheme.allLevels().indexOf(level);
        if (from < 0 || to < 0) {
            return null;
        }
        return to < from ? "UP" : to > from ? "DOWN" : "SAME";
    }

    /** The actions, highest priority first; none without a level. */
    public List<CardAction> actions(Facts facts) {
        List<CardAction> actions = new ArrayList<>();
        if (facts.level() == null) {
            return actions;
        }
        winBack(facts, actions);
        // The grids' cells (StrategyService.Grid) hold the rules and thresholds; these only act on them.
        if ("DEVELOP".equals(facts.radCell())) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("shareOfWallet", facts.shareOfWallet());
            figures.put("wallet", facts.wallet());
            actions.add(new CardAction(DEVELOP, config.develop().priority(),
                    "Offer the categories where our share of the customer's spending is low.",
                    "A large wallet of which we have a low share (RAD grid: Develop).", figures, CardAction.MARKETING));
        }
        if ("TRANSACTIONAL".equals(facts.loyaltyCell())) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("purchases12", facts.purchases12());
            figures.put("satisfaction", facts.satisfaction());
            figures.put("nps", facts.nps());
            actions.add(new CardAction(DELIGHT, config.delight().priority(),
                    "Delight the customer: a small unexpected gift at the end of the visit.",
                    "A repeat buyer (" + facts.purchases12() + " purchases in 12 months) who is not delighted:"
                            + " loyal by transaction only.", figures, null));
        }
        actions.sort(Comparator.comparingInt(CardAction::priority).reversed());
        return actions;
    }

    private void winBack(Facts facts, List<CardAction> actions) {
        boolean dropped = "DOWN".equals(direction(facts.previousLevel(), facts.level()));
        List<String> active = scheme.activeLevels();
        boolean topAbsent = active.subList(0, Math.min(config.winBack().topLevels(), active.size()))
                .contains(facts.level())
                && (facts.lastPurchaseAt() == null || facts.lastPurchaseAt().isBefore(facts.periodEnd()));
        if (!dropped && !topAbsent) {
            return;
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("period", facts.period());
        figures.put("from", facts.previousLevel());
        figures.put("to", facts.level());
        if (topAbsent) {
            figures.put("lastPurchaseAt", facts.lastPurchaseAt());
        }
        String reason = dropped
                ? "The level dropped from " + facts.previousLevel() + " to " + facts.level() + " at the close of "
                        + facts.period() + "."
                : facts.level() + " at the close of " + facts.period() + ", with no purchase since that period ended.";
        actions.add(new CardAction(WIN_BACK, config.winBack().priority(),
                "Win the customer back: ask the account manager to call.", reason, figures, null));
    }
}
