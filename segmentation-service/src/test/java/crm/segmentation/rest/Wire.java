package crm.segmentation.rest;

import crm.events.Topics;
import crm.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Other services' events as they arrive on the wire, and what the tables hold once they are applied. */
final class Wire {

    private Wire() {
    }

    /** Keyed by the erased customer, as customer-service publishes it. */
    static void erased(String bootstrap, UUID customer) {
        TopicWriter.send(bootstrap, Topics.CUSTOMER, customer.toString(), TopicWriter.event(UUID.randomUUID().toString(),
                "/crm/customer-service", "CustomerErased", customer.toString(), """
                {"customerId":"%s","erasedAt":"2026-11-01T00:00:00Z"}""".formatted(customer)));
    }

    /** Keyed by the duplicate, as customer-service publishes it. */
    static void merged(String bootstrap, UUID survivor, UUID duplicate) {
        TopicWriter.send(bootstrap, Topics.CUSTOMER, duplicate.toString(), TopicWriter.event(UUID.randomUUID().toString(),
                "/crm/customer-service", "CustomerMerged", duplicate.toString(), """
                {"survivorId":"%s","duplicateId":"%s","mergedAt":"2026-11-01T00:00:00Z"}""".formatted(survivor, duplicate)));
    }

    /** A survey answer about {@code customer}, sent on the partition of {@code key}. */
    static void surveyed(String bootstrap, String key, UUID customer, int satisfaction, int nps, String at) {
        TopicWriter.send(bootstrap, Topics.EXPERIENCE, key, TopicWriter.event(UUID.randomUUID().toString(),
                "/crm/experience-service", "SurveyAnswered", customer.toString(), """
                {"responseId":"%s","surveyId":"%s","customerId":"%s","satisfaction":%d,"nps":%d,"answeredAt":"%s"}"""
                        .formatted(UUID.randomUUID(), UUID.randomUUID(), customer, satisfaction, nps, at)));
    }

    /** The first column of every row of {@code sql}, as text. */
    static List<String> column(AgroalDataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void execute(AgroalDataSource db, String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
