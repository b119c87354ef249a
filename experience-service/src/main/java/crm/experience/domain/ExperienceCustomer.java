package crm.experience.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A customer known to this service, so experience logs, surveys and complaints can name them. */
@Entity
@Table(name = "experience_customer")
public class ExperienceCustomer extends PanacheEntityBase {

    @Id
    public UUID customerId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public Instant knownSince;
}
