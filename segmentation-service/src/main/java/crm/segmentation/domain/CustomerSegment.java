package crm.segmentation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A customer known to this service: registered (or not yet confirmed), and when they first bought. */
@Entity
@Table(name = "customer_segment")
public class CustomerSegment extends PanacheEntityBase {

    @Id
    public UUID customerId;

    @Column(nullable = false)
    public Instant registeredAt;

    /**
     * Since when the customer is known from a sale, a wallet or an assessment, without customer-service's
     * registration (or a merge) confirming them yet; null once confirmed.
     */
    public Instant unconfirmedSince;

    /** The first sale (refunds aside); null for a prospect. The latest is in the customer's period totals. */
    public Instant firstPurchaseAt;

    /** The customer's yearly category spend at all suppliers, entered or estimated. */
    public BigDecimal wallet;
    public String walletCurrency;
    public Instant walletUpdatedAt;
    /** Who set the wallet: the caller's name. */
    public String walletUpdatedBy;

    @Enumerated(EnumType.STRING)
    public Fit capabilityFit;

    @Enumerated(EnumType.STRING)
    public Needs needs;

    public String assessedBy;
    public Instant assessedAt;

    /** The latest survey answer: satisfaction 1..5 and NPS 0..10, each null if not asked. */
    public Integer satisfaction;
    public Integer nps;
    public Instant surveyedAt;

    /** How well our capabilities fit the customer's needs. */
    public enum Fit {
        LOW, MEDIUM, HIGH
    }

    /** How individual the customer's needs are. */
    public enum Needs {
        COMMON, INDIVIDUAL
    }
}
