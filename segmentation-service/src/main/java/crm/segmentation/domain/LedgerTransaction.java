package crm.segmentation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One sale or refund as a POS or dealer system reported it; source + externalId identify it. */
@Entity
@Table(name = "ledger_transaction")
public class LedgerTransaction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String externalId;

    @Column(nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public Instant occurredAt;

    public String store;
    public String channel;

    @Column(nullable = false)
    public String currency;

    public boolean refund;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Line> lines;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> attributes;

    /** Σ quantity × unit price, exact. */
    @Column(nullable = false)
    public BigDecimal revenue;

    /** Σ quantity × unit cost, exact. */
    @Column(nullable = false)
    public BigDecimal cost;

    /** SHA-256 of the request, to tell a retry from a different transaction under the same key. */
    @Column(nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public Instant recordedAt;

    public BigDecimal margin() {
        return revenue.subtract(cost);
    }

    public record Line(String sku, String description, String category, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal unitCost) {
    }
}
