package crm.events.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A sale or refund from a POS or dealer system, as recorded in the ledger. Money is exact
 * (decimal, in {@code currency}); a refund has negative quantities. {@code attributes} are the
 * visit's attributes that segmentation-service is configured to publish (e.g. {@code seat:
 * window-2}); a line's description and any other attribute are free text and stay in the ledger.
 */
public record TransactionRecorded(
        UUID transactionId,
        UUID customerId,
        String source,
        String externalId,
        Instant occurredAt,
        String store,
        String channel,
        String currency,
        List<Line> lines,
        Map<String, String> attributes,
        BigDecimal revenue,
        BigDecimal margin) {

    public record Line(String sku, String category, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal unitCost) {
    }
}
