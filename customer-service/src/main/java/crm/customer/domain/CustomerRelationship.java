package crm.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A directed, typed edge between two customers: who they know, and how well (1..5). */
@Entity
@Table(name = "customer_relationship")
public class CustomerRelationship extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID fromCustomer;

    @Column(nullable = false)
    public UUID toCustomer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RelationshipType type;

    public int strength;

    public String note;

    @Column(nullable = false)
    public Instant createdAt;
}
