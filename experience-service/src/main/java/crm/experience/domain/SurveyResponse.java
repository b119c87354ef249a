package crm.experience.domain;

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

/**
 * One answered survey. The answers to the questions with a role are also kept in their own
 * columns for the results. {@code customerId} is null for an anonymous or erased respondent.
 */
@Entity
@Table(name = "survey_response")
public class SurveyResponse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public UUID surveyId;

    /** SHA-256 of the request, to tell a retry from another response under the same responseId. */
    @Column(nullable = false)
    public String requestHash;

    public UUID customerId;
    public String visitId;

    @Column(nullable = false)
    public Instant answeredAt;

    @Column(nullable = false)
    public Instant recordedAt;

    /** By question code: a whole number, true/false or the option chosen. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> answers;

    public Integer satisfaction;
    public Integer nps;
    public Integer expectation;
    public Integer experience;

    /** The only free text; erasure clears it. */
    public String comment;
}
