package crm.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What one purchase told us about the customer: the visit's attributes and the items bought. */
@Entity
@Table(name = "customer_visit")
public class CustomerVisit extends PanacheEntityBase {

    @Id
    public UUID transactionId;

    @Column(nullable = false)
    public UUID customerId;

    @Column(nullable = false)
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> attributes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> items;

    public static List<CustomerVisit> latest(UUID customerId, int count) {
        return find("customerId = ?1 order by occurredAt desc", customerId).page(0, count).list();
    }
}
