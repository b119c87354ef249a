package crm.experience.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.experience.config.CardConfig;
import crm.experience.domain.Complaint;
import crm.experience.domain.ComplaintStatus;
import crm.experience.domain.Severity;
import crm.rest.card.CardAction;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExperienceCardRulesTest {
    /** The documented defaults, as the application would read them with nothing configured. */
    private static final CardConfig DEFAULTS = new SmallRyeConfigBuilder().withMapping(CardConfig.class).build()
            .getConfigMapping(CardConfig.class);
    private static final Instant NOW = Instant.parse("2026-10-14T12:00:00Z");

    private final ExperienceCardRules rules = new ExperienceCardRules(DEFAULTS);

    @Test
    void nothingKnownProposesNothing() {
        assertEquals(List.of(), rules.actions(null, List.of(), null, NOW));
    }

    @Test
    void anOpenComplaintWithinItsDeadlineProposesAnApologyNamingItsOwner() {
        Complaint c = complaint(ComplaintStatus.OPEN, "staff-1", NOW.minus(Duration.ofHours(2)), Duration.ofHours(24));
        assertEquals(List.of(new CardAction("APOLOGISE", 90, "Apologise first; staff-1 handles their complaint.",
                        "Their HIGH complaint is OPEN, not yet closed.",
                        facts("complaintId", c.id, "ownerId", "staff-1", "severity", "HIGH", "openedAt", c.openedAt,
                                "overdue", false), null)),
                rules.actions(null, List.of(c), null, NOW));
    }

    @Test
    void aComplaintPastItsDeadlineIsTheOneApologisedForAt95() {
        Complaint acknowledged = complaint(ComplaintStatus.ACKNOWLEDGED, "staff-1", NOW.minus(Duration.ofDays(3)),
                Duration.ofHours(4));
        Complaint late = complaint(ComplaintStatus.OPEN, null, NOW.minus(Duration.ofDays(2)), Duration.ofHours(24));
        assertEquals(List.of(new CardAction("APOLOGISE", 95, "Apologise first; their complaint has no owner yet.",
                        "Their HIGH complaint is OPEN and past its response deadline.",
                        facts("complaintId", late.id, "severity", "HIGH", "openedAt", late.openedAt, "overdue", true),
                        null)),
                rules.actions(null, List.of(acknowledged, late), null, NOW));
    }

    @Test
    void aLastVisitRememberedAtMinusOneProposesAnApologyAndMinusAHalfNone() {
        CardStore.LastVisit bad = visit(1, -3, 1);
        assertEquals(List.of(new CardAction("APOLOGISE_LAST_VISIT", 85, "Apologise first; their last visit went badly.",
                        "Their last visit is remembered at -1.0 (peak and end, from -3 to +3).",
                        facts("visitId", "T-1042", "startedAt", bad.startedAt(), "remembered", new BigDecimal("-1.0")),
                        null)),
                rules.actions(bad, List.of(), null, NOW));
        assertEquals(List.of(), rules.actions(visit(1, -2, 1), List.of(), null, NOW));
    }

    @Test
    void aBadLastVisitAndAnOpenComplaintMakeOneApology() {
        Complaint c = complaint(ComplaintStatus.OPEN, "staff-1", NOW.minus(Duration.ofHours(1)), Duration.ofHours(24));
        assertEquals(List.of("APOLOGISE"), codes(rules.actions(visit(1, -3, 1), List.of(c), null, NOW)));
    }

    @Test
    void anEligibleSurveyIsAskedAfterTheApologyAndAnIneligibleOneNot() {
        UUID survey = UUID.randomUUID();
        List<CardAction> actions = rules.actions(visit(-3), List.of(), eligibility(survey, true), NOW);
        assertEquals(List.of("APOLOGISE_LAST_VISIT", "ASK_SURVEY"), codes(actions));
        assertEquals(new CardAction("ASK_SURVEY", 20, "Ask the short survey at payment.",
                "No survey answered within the quiet period and no open complaint.", facts("surveyId", survey), null),
                actions.get(1));
        assertEquals(List.of(), rules.actions(visit(2), List.of(), eligibility(survey, false), NOW));
    }

    private static Complaint complaint(ComplaintStatus status, String owner, Instant openedAt, Duration deadline) {
        Complaint c = new Complaint();
        c.id = UUID.randomUUID();
        c.status = status;
        c.ownerId = owner;
        c.severity = Severity.HIGH;
        c.openedAt = openedAt;
        c.respondBy = openedAt.plus(deadline);
        return c;
    }

    private static CardStore.LastVisit visit(Integer... scores) {
        return new CardStore.LastVisit("T-1042", "cafe-visit", "s1", Instant.parse("2026-10-13T09:00:00Z"),
                PeakEnd.of(List.of(scores)));
    }

    private static SurveyEligibility.Eligibility eligibility(UUID survey, boolean ask) {
        return new SurveyEligibility.Eligibility(survey, UUID.randomUUID(), ask, ask ? List.of()
                : List.of(new SurveyEligibility.Reason("QUIET_PERIOD", "Answered yesterday")), null, null);
    }

    private static Map<String, Object> facts(Object... pairs) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            facts.put((String) pairs[i], pairs[i + 1]);
        }
        return facts;
    }

    private static List<String> codes(List<CardAction> actions) {
        return actions.stream().map(CardAction::code).toList();
    }
}
