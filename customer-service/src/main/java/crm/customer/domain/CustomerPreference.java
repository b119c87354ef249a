package crm.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the customer likes, so nobody has to ask twice: tea not coffee, the window seat. */
@Entity
@Table(name = "customer_preference")
public class CustomerPreference extends PanacheEntityBase {

    @EmbeddedId
    public Key id;

    /** SEAT, FOOD, BEVERAGE, ROOM, NEWSPAPER, CONTACT_TIME, or a free category. */
    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String value;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PreferenceSource source;

    /** For observed preferences: the share of recent visits that showed it. */
    public BigDecimal confidence;

    @Column(nullable = false)
    public Instant confirmedAt;

    public static List<CustomerPreference> of(UUID customerId) {
        return list("id.customerId = ?1 order by id.key", customerId);
    }

    @Embeddable
    public record Key(UUID customerId, String key) implements Serializable {
    }
}
