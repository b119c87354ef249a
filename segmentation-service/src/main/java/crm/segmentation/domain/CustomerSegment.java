package crm.segmentation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer known to this service and the pyramid level they hold now. */
@Entity
@Table(name = "customer_segment")
public class CustomerSegment extends PanacheEntityBase {

    /** Known to us, never bought (DOMAIN.md §2). */
    public static final String PROSPECT = "PROSPECT";

    @Id
    public UUID customerId;

    /** A level name of the configured pyramid scheme, or PROSPECT / INACTIVE. */
    @Column(nullable = false)
    public String level;

    @Column(nullable = false)
    public Instant levelSince;

    @Column(nullable = false)
    public Instant registeredAt;
}
