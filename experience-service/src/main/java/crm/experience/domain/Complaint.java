package crm.experience.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A complaint and where it is in service recovery. {@code source} + {@code sourceKey} identify
 * where it came from (the client's Idempotency-Key, the survey response, the log entry), so it is
 * opened once. Erasure removes the customer and the description; the rest stays for the figures.
 */
@Entity
@Table(name = "complaint")
public class Complaint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintSource source;

    public String sourceKey;

    public UUID customerId;
    public String visitId;
    public String journeyCode;
    public String touchPointCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    /** Null for a complaint the closed loop opened. */
    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String description;
    public String ownerId;

    /** Who opened it: the caller's name; null when a survey answer or a log entry opened it by itself. */
    public String openedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ComplaintStatus status;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(nullable = false)
    public Instant openedAt;

    @Column(nullable = false)
    public Instant respondBy;

    public Instant acknowledgedAt;
    public Instant resolvedAt;
    public Instant closedAt;

    /** Not yet acknowledged after its deadline. */
    public boolean overdue(Instant now) {
        return status == ComplaintStatus.OPEN && now.isAfter(respondBy);
    }

    /** From opening to the apology; null until acknowledged. */
    public Duration timeToFirstResponse() {
        return acknowledgedAt == null ? null : Duration.between(openedAt, acknowledgedAt);
    }
}
