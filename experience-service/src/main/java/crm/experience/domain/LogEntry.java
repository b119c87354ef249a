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

/** How one touch point of a visit felt. One per visit and touch point. */
@Entity
@Table(name = "log_entry")
public class LogEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String visitId;

    @Column(nullable = false)
    public String touchPointCode;

    /** The touch point's position (from 0) in the visit's journey version. */
    public int position;

    /** −3..+3, see {@link Emotion}. */
    public int score;

    @Column(nullable = false)
    public Instant occurredAt;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordedBy recordedBy;

    @Column(nullable = false)
    public Instant recordedAt;
}
