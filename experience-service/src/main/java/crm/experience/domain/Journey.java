package crm.experience.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One version of a journey: an ordered chain of touch points. A version never changes once written. */
@Entity
@Table(name = "journey")
public class Journey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    public int version;

    @Column(nullable = false)
    public String name;

    /** Whether a −3 log entry or a survey satisfaction of 1-2 opens a complaint by itself. */
    public boolean autoComplaints;

    @Column(nullable = false)
    public Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "touch_point", joinColumns = @JoinColumn(name = "journey_id"))
    @OrderColumn(name = "position")
    public List<TouchPoint> touchPoints = new ArrayList<>();

    public static Optional<Journey> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static Optional<Journey> version(String code, int version) {
        return find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }
}
