package crm.segmentation.rest;

import crm.segmentation.domain.LedgerTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordedTransaction")
public record TransactionResponse(UUID id, String source, String externalId, UUID customerId, Instant occurredAt,
        String store, String channel, String currency, boolean refund, List<LedgerTransaction.Line> lines,
        Map<String, String> attributes, BigDecimal revenue, BigDecimal cost, BigDecimal margin, Instant recordedAt) {

    static TransactionResponse of(LedgerTransaction t) {
        return new TransactionResponse(t.id, t.source, t.externalId, t.customerId, t.occurredAt, t.store, t.channel,
                t.currency, t.refund, t.lines, t.attributes, t.revenue, t.cost, t.margin(), t.recordedAt);
    }
}
