package crm.segmentation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.rest.card.CardAction;
import crm.segmentation.config.CardConfig;
import crm.segmentation.domain.PyramidScheme;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueCardRulesTest {
    private static final Instant END = Instant.parse("2026-10-31T16:00:00Z");
    private static final PyramidScheme SCHEME = new PyramidScheme(PyramidScheme.Metric.REVENUE,
            List.of(new PyramidScheme.Cut("TOP", 1), new PyramidScheme.Cut("BIG", 4),
                    new PyramidScheme.Cut("MEDIUM", 15), new PyramidScheme.Cut("SMALL", 80)), Optional.empty());
    private static final String WIN_BACK = "Win the customer back: ask the account manager to call.";

    private final ValueCardRules rules = new ValueCardRules(config(70, 2, 40, 50), SCHEME);

    private static ValueCardRules.Facts facts(String level, String previous, Instant lastPurchaseAt) {
        return new ValueCardRules.Facts("2026-10", level, previous, END, lastPurchaseAt, "NO_WALLET", null, null,
                "NONE", 1, null, null);
    }

    @Test
    void aLevelDropAtTheLastCloseProposesAWinBackCall() {
        Instant bought = Instant.parse("2026-11-05T02:00:00Z");
        assertEquals(List.of(new CardAction("WIN_BACK", 70, WIN_BACK,
                        "The level dropped from BIG to MEDIUM at the close of 2026-10.",
                        figures("period", "2026-10", "from", "BIG", "to", "MEDIUM"), null)),
                rules.actions(facts("MEDIUM", "BIG", bought)));
        assertEquals(List.of(new CardAction("WIN_BACK", 70, WIN_BACK,
                        "The level dropped from SMALL to INACTIVE at the close of 2026-10.",
                        figures("period", "2026-10", "from", "SMALL", "to", "INACTIVE"), null)),
                rules.actions(facts("INACTIVE", "SMALL", Instant.parse("2026-08-01T02:00:00Z"))));
    }

    @Test
    void aTopLevelCustomerWhoHasNotBoughtSinceThePeriodEndedIsWonBack() {
        Instant bought = Instant.parse("2026-10-20T02:00:00Z");
        assertEquals(List.of(new CardAction("WIN_BACK", 70, WIN_BACK,
                        "BIG at the close of 2026-10, with no purchase since that period ended.",
                        figures("period", "2026-10", "from", "BIG", "to", "BIG", "lastPurchaseAt", bought), null)),
                rules.actions(facts("BIG", "BIG", bought)));
        assertEquals("TOP at the close of 2026-10, with no purchase since that period ended.",
                rules.actions(facts("TOP", "MEDIUM", bought)).get(0).reason());
    }

    @Test
    void aTopLevelCustomerWhoBoughtSinceOrAMediumOneWhoStayedIsNotWonBack() {
        assertEquals(List.of(), rules.actions(facts("TOP", "TOP", END)));
        assertEquals(List.of(), rules.actions(facts("MEDIUM", "MEDIUM", Instant.parse("2026-10-20T02:00:00Z"))));
        assertEquals(List.of(), rules.actions(facts("SMALL", null, Instant.parse("2026-10-20T02:00:00Z"))));
    }

    @Test
    void theNumberOfTopLevelsIsConfigured() {
        ValueCardRules topOnly = new ValueCardRules(config(70, 1, 40, 50), SCHEME);
        assertEquals(List.of(), topOnly.actions(facts("BIG", "BIG", Instant.parse("2026-10-20T02:00:00Z"))));
    }

    @Test
    void theDevelopCellProposesAMarketingOfferWithShareOfWalletAndWallet() {
        ValueCardRules.Facts develop = new ValueCardRules.Facts("2026-10", "MEDIUM", "MEDIUM", END, END, "DEVELOP",
                new BigDecimal("0.1250"), new BigDecimal("80000.00"), "NONE", 1, null, null);
        assertEquals(List.of(new CardAction("DEVELOP", 40,
                        "Offer the categories where our share of the customer's spending is low.",
                        "A large wallet of which we have a low share (RAD grid: Develop).",
                        figures("shareOfWallet", new BigDecimal("0.1250"), "wallet", new BigDecimal("80000.00")),
                        CardAction.MARKETING)),
                rules.actions(develop));
    }

    @Test
    void aRepeatBuyerWhoIsNotDelightedIsDelightedWithASmallGift() {
        ValueCardRules.Facts transactional = new ValueCardRules.Facts("2026-10", "SMALL", "SMALL", END, END,
                "MAINTAIN", null, null, "TRANSACTIONAL", 3, 4, 7);
        assertEquals(List.of(new CardAction("DELIGHT", 50,
                        "Delight the customer: a small unexpected gift at the end of the visit.",
                        "A repeat buyer (3 purchases in 12 months) who is not delighted: loyal by transaction only.",
                        figures("purchases12", 3L, "satisfaction", 4, "nps", 7), null)),
                rules.actions(transactional));
        assertEquals(List.of(), rules.actions(new ValueCardRules.Facts("2026-10", "SMALL", "SMALL", END, END,
                "MAINTAIN", null, null, "EMOTIONAL", 3, 5, null)));
    }

    @Test
    void actionsComeHighestPriorityFirst() {
        ValueCardRules.Facts all = new ValueCardRules.Facts("2026-10", "MEDIUM", "BIG", END, END, "DEVELOP",
                new BigDecimal("0.1"), new BigDecimal("90000"), "TRANSACTIONAL", 2, null, null);
        assertEquals(List.of("WIN_BACK", "DELIGHT", "DEVELOP"),
                rules.actions(all).stream().map(CardAction::code).toList());
        ValueCardRules developFirst = new ValueCardRules(config(10, 2, 90, 50), SCHEME);
        assertEquals(List.of("DEVELOP", "DELIGHT", "WIN_BACK"),
                developFirst.actions(all).stream().map(CardAction::code).toList());
    }

    @Test
    void noLevelMeansNoActionsAndNoDirection() {
        assertEquals(List.of(), rules.actions(new ValueCardRules.Facts(null, null, null, null, null, null, null, null,
                null, 0, null, null)));
        assertEquals(null, rules.direction(null, null));
    }

    @Test
    void theDirectionFollowsTheSchemesOrderWithInactiveAndProspectBelowActiveLevels() {
        assertEquals("DOWN", rules.direction("BIG", "MEDIUM"));
        assertEquals("DOWN", rules.direction("SMALL", "INACTIVE"));
        assertEquals("UP", rules.direction("PROSPECT", "SMALL"));
        assertEquals("UP", rules.direction("INACTIVE", "TOP"));
        assertEquals("SAME", rules.direction("BIG", "BIG"));
        assertEquals("NEW", rules.direction(null, "SMALL"));
        assertEquals(null, rules.direction("GOLD", "BIG"));
    }

    private static Map<String, Object> figures(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static CardConfig config(int winBack, int topLevels, int develop, int delight) {
        return new Config(new WinBack(winBack, topLevels), () -> develop, () -> delight);
    }

    private record WinBack(int priority, int topLevels) implements CardConfig.WinBack {
    }

    private record Config(CardConfig.WinBack winBack, CardConfig.Develop develop, CardConfig.Delight delight)
            implements CardConfig {
    }
}
