package crm.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Who merged which duplicate into which survivor, and what moved. */
@Entity
@Table(name = "merge_audit")
public class MergeAudit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID survivorId;

    @Column(nullable = false)
    public UUID duplicateId;

    @Column(nullable = false)
    public Instant mergedAt;

    public String mergedBy;

    /** Counts of what moved: identifiers, preferences, relationships, consents. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Integer> moved;
}
