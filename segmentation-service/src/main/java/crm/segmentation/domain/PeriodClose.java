package crm.segmentation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A closed period and what its close found. */
@Entity
@Table(name = "period_close")
public class PeriodClose extends PanacheEntityBase {

    @Id
    public String period;

    @Column(nullable = false)
    public LocalDate firstDay;

    @Column(nullable = false)
    public LocalDate dayAfter;

    @Column(nullable = false)
    public String metric;

    /** The scheme's levels at the close, most valuable first. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> levels;

    /** Every known customer, each with exactly one level. */
    public int customers;

    /** Customers who bought in the period. */
    public int active;

    /** Customers whose level differs from the previous closed period of the same kind. */
    public int changes;

    @Column(nullable = false)
    public Instant closedAt;

    /** Who closed it: the caller's name; null for a close made before callers were known. */
    public String closedBy;

    public Instant recomputedAt;

    /** Who recomputed it last. */
    public String recomputedBy;

    /** 0 after the close, then one more for each recompute: which announcement of levels is the latest. */
    public int revision;
}
