package crm.experience.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A short survey: at most 5 questions, optionally tied to a journey (whose switch governs its automatic complaints). */
@Entity
@Table(name = "survey")
public class Survey extends PanacheEntityBase {
    public static final int MAX_QUESTIONS = 5;

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String journeyCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Question> questions;

    @Column(nullable = false)
    public Instant createdAt;

    public Optional<Question> question(String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst();
    }

    public Optional<Question> withRole(QuestionRole role) {
        return questions.stream().filter(q -> q.role() == role).findFirst();
    }
}
