package crm.segmentation.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CrmTestResources.class)
class CustomerRegisteredIT {

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRegisteredCustomerBecomesAProspect() {
        String customer = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), customer, customer, "2026-11-01T09:30:00Z");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().get("/api/v1/segments/customers/" + customer).then().statusCode(200)
                        .body("customerId", equalTo(customer))
                        .body("level", equalTo("PROSPECT"))
                        .body("registeredAt", equalTo("2026-11-01T09:30:00Z")));
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        String eventId = UUID.randomUUID().toString();
        String customer = UUID.randomUUID().toString();
        publish(eventId, customer, customer, "2026-11-02T10:00:00Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> segments(customer) == 1);

        // Remove the effect, redeliver the same event, then a marker behind it on the same partition.
        execute("DELETE FROM customer_segment WHERE customer_id = ?", customer);
        publish(eventId, customer, customer, "2026-11-02T10:00:00Z");
        String marker = UUID.randomUUID().toString();
        publish(UUID.randomUUID().toString(), customer, marker, "2026-11-02T10:05:00Z");
        await().atMost(Duration.ofSeconds(10)).until(() -> segments(marker) == 1);

        assertEquals(0, segments(customer));
    }

    @Test
    void aBadRecordIsSetAsideAndDoesNotBlockItsPartition() {
        String key = UUID.randomUUID().toString();
        long failedBefore = failedEvents();
        TopicWriter.send(bootstrap, Topics.CUSTOMER, key, "this is not JSON");
        TopicWriter.send(bootstrap, Topics.CUSTOMER, key, "{\"specversion\":\"1.0\",\"type\":\"crm.CustomerRegistered\"}");
        publish(UUID.randomUUID().toString(), key, key, "2026-11-04T10:00:00Z");

        await().atMost(Duration.ofSeconds(10)).until(() -> segments(key) == 1);
        assertEquals(failedBefore + 2, failedEvents());
    }

    @Test
    void anUnknownCustomerIs404() {
        given().get("/api/v1/segments/customers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    private void publish(String eventId, String key, String customer, String at) {
        TopicWriter.send(bootstrap, Topics.CUSTOMER, key, TopicWriter.customerRegistered(eventId, customer, at));
    }

    private long segments(String customer) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM customer_segment WHERE customer_id = ?")) {
            s.setObject(1, UUID.fromString(customer));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long failedEvents() {
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM failed_event")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql, String customer) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(customer));
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
