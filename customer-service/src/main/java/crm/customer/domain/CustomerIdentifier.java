package crm.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A phone, e-mail, card or plate that identifies exactly one customer (unique per kind and value). */
@Entity
@Table(name = "customer_identifier")
public class CustomerIdentifier extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    public Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IdentifierKind kind;

    @Column(nullable = false)
    public String value;

    @Column(nullable = false)
    public Instant createdAt;

    public static Optional<CustomerIdentifier> find(IdentifierKind kind, String value) {
        return find("kind = ?1 and value = ?2", kind, value).firstResultOptional();
    }
}
