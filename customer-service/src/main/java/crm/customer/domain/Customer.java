package crm.customer.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerKind kind;

    public String givenName;
    public String familyName;

    @Column(nullable = false)
    public String displayName;

    public String salutation;
    public String company;
    public String jobTitle;
    public String language;
    public LocalDate birthday;
    public String notes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Address> addresses = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ImportantDate> importantDates = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InfluenceClass influenceClass = InfluenceClass.C;

    /** The account manager who owns the customer, if any. */
    public String ownerId;

    /** The survivor, once this record was merged into it. */
    public UUID mergedInto;

    /** month * 100 + day of the birthday, computed by the database for the birthday index. */
    @Column(insertable = false, updatable = false)
    public Integer birthdayKey;

    /** The last purchase or experience we heard of. */
    public Instant lastSeenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CustomerStatus status;

    @Version
    public long version;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("createdAt")
    public List<CustomerIdentifier> identifiers = new ArrayList<>();

    public void addIdentifier(IdentifierKind kind, String value, Instant at) {
        CustomerIdentifier identifier = new CustomerIdentifier();
        identifier.id = UUID.randomUUID();
        identifier.customer = this;
        identifier.kind = kind;
        identifier.value = value;
        identifier.createdAt = at;
        identifiers.add(identifier);
    }

    /** The first identifier of a kind, e.g. the phone number the customer registered with. */
    public Optional<String> identifier(IdentifierKind kind) {
        return identifiers.stream().filter(i -> i.kind == kind).map(i -> i.value).findFirst();
    }
}
