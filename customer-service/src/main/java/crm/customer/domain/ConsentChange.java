package crm.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a customer's consent history; the current consent is the latest per purpose and channel. */
@Entity
@Table(name = "consent_change")
public class ConsentChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentStatus status;

    /** Who or what recorded it: the front desk, a web form, a signed paper. */
    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public Instant changedAt;
}
