package crm.experience.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.experience.domain.Channel;
import crm.experience.domain.ComplaintSource;
import crm.experience.domain.ComplaintStatus;
import crm.experience.domain.Outcome;
import crm.experience.domain.RecordedBy;
import crm.experience.domain.Severity;
import crm.rest.export.JsonExport;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything experience holds about one customer, streamed: each visit, survey response and complaint is one
 * cursor row, its entries, answers or history aggregated into it by the database (json_agg), so memory holds
 * one visit, response or complaint at a time. Free text is included: it is the customer's own data.
 */
@ApplicationScoped
public class ExportStore {
    private static final String VISITS = """
            SELECT v.visit_id, v.journey_code, j.version AS journey_version, v.store, v.started_at,
                (SELECT json_agg(json_build_object('id', e.id, 'touchPointCode', e.touch_point_code,
                        'position', e.position, 'score', e.score, 'occurredAt', e.occurred_at, 'note', e.note,
                        'recordedBy', e.recorded_by, 'recordedAt', e.recorded_at) ORDER BY e.position, e.id)
                 FROM log_entry e WHERE e.visit_id = v.visit_id) AS entries
            FROM visit v JOIN journey j ON j.id = v.journey_id
            WHERE v.customer_id = ?
            ORDER BY v.started_at, v.visit_id""";
    /** Each answer with its question's text, in the survey's order of questions. */
    private static final String SURVEY_RESPONSES = """
            SELECT r.id, r.survey_id, s.name AS survey_name, r.visit_id, r.answered_at, r.satisfaction, r.nps,
                r.expectation, r.experience, r.comment,
                (SELECT json_agg(json_build_object('code', q.question ->> 'code', 'question', q.question ->> 'text',
                        'answer', r.answers -> (q.question ->> 'code')) ORDER BY q.n)
                 FROM jsonb_array_elements(s.questions) WITH ORDINALITY AS q(question, n)
                 WHERE r.answers -> (q.question ->> 'code') IS NOT NULL) AS answers
            FROM survey_response r JOIN survey s ON s.id = r.survey_id
            WHERE r.customer_id = ?
            ORDER BY r.answered_at, r.id""";
    private static final String COMPLAINTS = """
            SELECT c.id, c.source, c.visit_id, c.journey_code, c.touch_point_code, c.severity, c.channel,
                c.description, c.owner_id, c.status, c.outcome, c.opened_at, c.opened_by, c.respond_by,
                c.acknowledged_at, c.resolved_at, c.closed_at,
                (SELECT json_agg(json_build_object('from', t.from_status, 'to', t.to_status, 'at', t.at,
                        'note', t.note, 'actor', t.actor) ORDER BY t.id)
                 FROM complaint_transition t WHERE t.complaint_id = c.id) AS history
            FROM complaint c
            WHERE c.customer_id = ?
            ORDER BY c.opened_at, c.id""";

    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() { };
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() { };
    private static final TypeReference<List<Step>> STEPS = new TypeReference<>() { };

    private final AgroalDataSource db;
    private final ObjectMapper json;

    public ExportStore(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The document's shape, for the contract: the body itself is streamed in this order. */
    @Schema(name = "ExperienceExport", description = "Everything experience-service holds about one customer")
    public record Export(UUID customerId, List<Visit> visits, List<Response> surveyResponses,
            List<Complaint> complaints) {
    }

    @Schema(name = "ExportedVisit")
    public record Visit(String visitId, String journeyCode, int journeyVersion, String store, Instant startedAt,
            @Schema(description = "In touch-point order") List<Entry> entries) {
    }

    @Schema(name = "ExportedExperienceEntry")
    public record Entry(UUID id, String touchPointCode, int position, int score, Instant occurredAt, String note,
            RecordedBy recordedBy, Instant recordedAt) {
    }

    @Schema(name = "ExportedSurveyResponse")
    public record Response(UUID responseId, UUID surveyId, String surveyName, String visitId, Instant answeredAt,
            @Schema(description = "In the survey's order of questions") List<Answer> answers, Integer satisfaction,
            Integer nps, Integer expectation, Integer experience, String comment) {
    }

    @Schema(name = "ExportedSurveyAnswer")
    public record Answer(String code, String question, JsonNode answer) {
    }

    @Schema(name = "ExportedComplaint")
    public record Complaint(UUID complaintId, ComplaintSource source, String visitId, String journeyCode,
            String touchPointCode, Severity severity, Channel channel, String description, String ownerId,
            ComplaintStatus status, Outcome outcome, Instant openedAt, String openedBy, Instant respondBy,
            Instant acknowledgedAt, Instant resolvedAt, Instant closedAt,
            @Schema(description = "Every step, oldest first") List<Step> history) {
    }

    @Schema(name = "ExportedComplaintStep")
    public record Step(ComplaintStatus from, ComplaintStatus to, Instant at, String note, String actor) {
    }

    /** The customer's document; a customer never heard of (or erased) has empty lists. */
    public StreamingOutput export(UUID customerId) {
        return JsonExport.of(db, json, export -> export
                .field("customerId", customerId)
                .rows("visits", VISITS, this::visit, customerId)
                .rows("surveyResponses", SURVEY_RESPONSES, this::response, customerId)
                .rows("complaints", COMPLAINTS, this::complaint, customerId));
    }

    private Visit visit(ResultSet row) throws SQLException {
        return new Visit(row.getString("visit_id"), row.getString("journey_code"), row.getInt("journey_version"),
                row.getString("store"), instant(row, "started_at"), list(row, "entries", ENTRIES));
    }

    private Response response(ResultSet row) throws SQLException {
        return new Response(row.getObject("id", UUID.class), row.getObject("survey_id", UUID.class),
                row.getString("survey_name"), row.getString("visit_id"), instant(row, "answered_at"),
                list(row, "answers", ANSWERS), integer(row, "satisfaction"), integer(row, "nps"),
                integer(row, "expectation"), integer(row, "experience"), row.getString("comment"));
    }

    private Complaint complaint(ResultSet row) throws SQLException {
        return new Complaint(row.getObject("id", UUID.class), ComplaintSource.valueOf(row.getString("source")),
                row.getString("visit_id"), row.getString("journey_code"), row.getString("touch_point_code"),
                Severity.valueOf(row.getString("severity")), enumOrNull(Channel.class, row.getString("channel")),
                row.getString("description"), row.getString("owner_id"),
                ComplaintStatus.valueOf(row.getString("status")), enumOrNull(Outcome.class, row.getString("outcome")),
                instant(row, "opened_at"), row.getString("opened_by"), instant(row, "respond_by"),
                instant(row, "acknowledged_at"), instant(row, "resolved_at"), instant(row, "closed_at"),
                list(row, "history", STEPS));
    }

    /** A column json_agg filled; null (nothing to aggregate) is an empty list. */
    private <T> List<T> list(ResultSet row, String column, TypeReference<List<T>> type) throws SQLException {
        String value = row.getString(column);
        if (value == null) {
            return List.of();
        }
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("Column " + column + " is not the JSON expected: " + e.getOriginalMessage(), e);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet row, String column) throws SQLException {
        return row.getObject(column, Integer.class);
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
