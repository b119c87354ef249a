package crm.experience.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One customer's (or an anonymous guest's) pass through one version of a journey. */
@Entity
@Table(name = "visit")
public class Visit extends PanacheEntityBase {

    @Id
    public String visitId;

    @Column(nullable = false)
    public UUID journeyId;

    @Column(nullable = false)
    public String journeyCode;

    /** Null for anonymous guests and mystery shoppers, and after the customer's erasure. */
    public UUID customerId;

    public String store;

    /** The earliest entry's time: what from/to of the analyses compare with. */
    @Column(nullable = false)
    public Instant startedAt;

    /** Frozen at erasure; otherwise null and derived from the customer's history. */
    @Enumerated(EnumType.STRING)
    public Cohort cohort;
}
