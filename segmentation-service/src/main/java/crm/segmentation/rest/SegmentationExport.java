package crm.segmentation.rest;

import crm.segmentation.domain.CustomerSegment;
import crm.segmentation.domain.LedgerTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of segmentation-service's export of a customer. The body is streamed field by field (the
 * transactions straight from a cursor), so this record describes it rather than being built.
 */
@Schema(name = "SegmentationExport", description = "Everything segmentation-service holds about a customer")
public record SegmentationExport(
        UUID customerId,
        @Schema(description = "When this service applied the customer's erasure; null when it has not")
        Instant erasedAt,
        @Schema(description = "The customer as segmentation knows them; null when it never heard of them")
        Customer customer,
        @Schema(description = "Every sale and refund, oldest first, each with its lines")
        List<Transaction> transactions,
        @Schema(description = "The customer's totals per month and quarter they bought in")
        List<PeriodTotals> periods,
        @Schema(description = "The customer's level at every closed period, oldest first, with the figures behind it")
        List<Level> levels) {

    @Schema(name = "ExportedSegmentationCustomer")
    public record Customer(Instant registeredAt, Instant firstPurchaseAt,
            @Schema(description = "null when never entered") Wallet wallet,
            @Schema(description = "null when never assessed") Assessment assessment,
            @Schema(description = "The latest survey answer; null when none came") Survey survey) {

        static Customer of(CustomerSegment c) {
            return new Customer(c.registeredAt, c.firstPurchaseAt,
                    c.wallet == null ? null : new Wallet(c.wallet, c.walletCurrency, c.walletUpdatedAt, c.walletUpdatedBy),
                    c.assessedAt == null ? null : new Assessment(c.capabilityFit, c.needs, c.assessedBy, c.assessedAt),
                    c.surveyedAt == null ? null : new Survey(c.satisfaction, c.nps, c.surveyedAt));
        }
    }

    @Schema(name = "ExportedWallet")
    public record Wallet(BigDecimal amount, String currency, Instant updatedAt,
            @Schema(description = "Who set it: the caller's name", examples = "manager-7") String updatedBy) {
    }

    @Schema(name = "ExportedAssessment")
    public record Assessment(CustomerSegment.Fit capabilityFit, CustomerSegment.Needs needs,
            @Schema(description = "Who assessed: the caller's name", examples = "manager-7") String assessedBy,
            Instant assessedAt) {
    }

    @Schema(name = "ExportedLatestSurvey")
    public record Survey(@Schema(description = "1..5; null when not asked") Integer satisfaction,
            @Schema(description = "0..10; null when not asked") Integer nps, Instant surveyedAt) {
    }

    @Schema(name = "ExportedTransaction")
    public record Transaction(UUID id, String source, String externalId, Instant occurredAt, String store,
            String channel, String currency, boolean refund,
            @Schema(description = "The lines in their order; descriptions are gone after an erasure")
            List<LedgerTransaction.Line> lines,
            @Schema(description = "Visit attributes; empty after an erasure") Map<String, String> attributes,
            BigDecimal revenue, BigDecimal cost, BigDecimal margin, Instant recordedAt) {
    }

    @Schema(name = "ExportedPeriodTotals")
    public record PeriodTotals(String period, BigDecimal revenue, BigDecimal cost, BigDecimal margin, int purchases,
            Instant lastPurchaseAt) {
    }

    @Schema(name = "ExportedLevel")
    public record Level(String period, String level, BigDecimal revenue, BigDecimal margin, int purchases,
            @Schema(description = "Rank by the ranking metric among the period's active customers; null when inactive")
            Integer rank,
            @Schema(description = "The level at the close before of the same kind; PROSPECT when there was none")
            String fromLevel,
            @Schema(description = "UP, DOWN, NEW, LOST or REACTIVATED; null when the level did not change")
            String direction) {
    }
}
