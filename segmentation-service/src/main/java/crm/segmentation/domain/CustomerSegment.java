package crm.segmentation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer known to this service: registered, and when they first and last bought. */
@Entity
@Table(name = "customer_segment")
public class CustomerSegment extends PanacheEntityBase {

    @Id
    public UUID customerId;

    @Column(nullable = false)
    public Instant registeredAt;

    /** The first and the latest sale (refunds aside); null for a prospect. */
    public Instant firstPurchaseAt;
    public Instant lastPurchaseAt;
}
