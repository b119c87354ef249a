package crm.experience.domain;

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

/** One step in a complaint's history; the first has no {@code fromStatus} (the opening). */
@Entity
@Table(name = "complaint_transition")
public class ComplaintTransition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public UUID complaintId;

    @Enumerated(EnumType.STRING)
    public ComplaintStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus toStatus;

    public String note;
    public String actor;

    @Column(nullable = false)
    public Instant at;
}
