package crm.segmentation.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.events.Topics;
import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import crm.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A consumer meeting database trouble (a row it needs is locked: "lock not available") retries the
 * event with backoff while the customer's later events wait behind it, and sets it aside after
 * crm.events.retry-for (6 s in tests); an admin lists and replays what was set aside.
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class ConsumerRetryIT {
    private static final String FAILED = "/api/v1/segments/admin/events/failed";

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "crm.events.partitions")
    int partitions;

    @Test
    void anEventTheDatabaseRefusesForAWhileIsRetriedAndTheCustomersLaterEventsWaitBehindIt() throws Exception {
        String customer = registered();
        String later = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String updated = UUID.randomUUID().toString();
        try (Connection lock = lockSegmentRow(customer)) {
            TopicWriter.send(bootstrap, Topics.CUSTOMER, customer, customerUpdated(updated, customer));
            // Registered under the same key, so behind the update on its partition.
            TopicWriter.send(bootstrap, Topics.CUSTOMER, customer,
                    TopicWriter.customerRegistered(UUID.randomUUID().toString(), later, "2026-11-05T10:00:00Z"));
            TopicWriter.send(bootstrap, Topics.CUSTOMER, otherPartitionKey(customer),
                    TopicWriter.customerRegistered(UUID.randomUUID().toString(), elsewhere, "2026-11-05T10:00:00Z"));

            await().atMost(Duration.ofSeconds(10)).until(() -> segments(elsewhere) == 1);
            Thread.sleep(3_000);
            assertEquals(0, segments(later));
            assertEquals(0, processed(updated));
            lock.rollback();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> segments(later) == 1);
        assertEquals(1, processed(updated));
        assertEquals(0, count("SELECT count(*) FROM failed_event WHERE record_key = ?", customer));
    }

    @Test
    void anEventStillRefusedAfterTheRetryTimeIsSetAsideListedAndReplayedOnce() throws Exception {
        String customer = registered();
        String updated = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        try (Connection lock = lockSegmentRow(customer)) {
            TopicWriter.send(bootstrap, Topics.CUSTOMER, customer, customerUpdated(updated, customer));
            TopicWriter.send(bootstrap, Topics.CUSTOMER, customer,
                    TopicWriter.customerRegistered(UUID.randomUUID().toString(), later, "2026-11-05T10:00:00Z"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count("SELECT count(*) FROM failed_event WHERE record_key = ?", customer) == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> segments(later) == 1);
            lock.rollback();
        }
        assertEquals(0, processed(updated));
        long id = count("SELECT id FROM failed_event WHERE record_key = ?", customer);
        String error = given().get(FAILED).then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("events.find { it.id == " + id + " }.key", equalTo(customer))
                .body("events.find { it.id == " + id + " }.topic", equalTo(Topics.CUSTOMER))
                .extract().path("events.find { it.id == " + id + " }.error");
        assertTrue(error.startsWith("after 3 attempts in PT") && error.contains("could not obtain lock"), error);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Events' }.data.failedEvents", greaterThanOrEqualTo(1));

        given().post(FAILED + "/" + id + "/replay").then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("applied", equalTo(true));
        assertEquals(1, processed(updated));
        assertEquals(0, count("SELECT count(*) FROM failed_event WHERE record_key = ?", customer));
        given().post(FAILED + "/" + id + "/replay").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRecordThatCannotBeReadStaysSetAsideWhenReplayed() {
        String key = UUID.randomUUID().toString();
        TopicWriter.send(bootstrap, Topics.CUSTOMER, key, "not an event");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> count("SELECT count(*) FROM failed_event WHERE record_key = ?", key) == 1);
        long id = count("SELECT id FROM failed_event WHERE record_key = ?", key);

        given().post(FAILED + "/" + id + "/replay").then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, count("SELECT count(*) FROM failed_event WHERE record_key = ?", key));
    }

    @Test
    void onlyAnAdminSeesOrReplaysFailedEvents() {
        Callers.assertForbidden(Callers.as("analyst-2", Roles.ANALYST).get(FAILED), "This needs the role admin");
        Callers.assertForbidden(Callers.as("analyst-2", Roles.ANALYST).post(FAILED + "/1/replay"),
                "This needs the role admin");
    }

    private String registered() {
        String customer = UUID.randomUUID().toString();
        TopicWriter.send(bootstrap, Topics.CUSTOMER, customer,
                TopicWriter.customerRegistered(UUID.randomUUID().toString(), customer, "2026-11-05T09:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).until(() -> segments(customer) == 1);
        return customer;
    }

    private static String customerUpdated(String eventId, String customer) {
        return TopicWriter.event(eventId, "/crm/customer-service", "CustomerUpdated", customer,
                "{\"customerId\":\"%s\",\"changedFields\":[\"displayName\"],\"version\":2,\"updatedAt\":\"2026-11-05T09:30:00Z\"}"
                        .formatted(customer));
    }

    /** A transaction holding the customer's segment row; rolled back to let go. */
    private Connection lockSegmentRow(String customer) throws Exception {
        Connection connection = db.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT customer_id FROM customer_segment WHERE customer_id = ? FOR UPDATE")) {
            s.setObject(1, UUID.fromString(customer));
            s.executeQuery().close();
        }
        return connection;
    }

    private String otherPartitionKey(String key) {
        String other;
        do {
            other = UUID.randomUUID().toString();
        } while (partition(other) == partition(key));
        return other;
    }

    private int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private long segments(String customer) {
        return count("SELECT count(*) FROM customer_segment WHERE customer_id = CAST(? AS uuid)", customer);
    }

    private long processed(String eventId) {
        return count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId);
    }

    private long count(String sql, String parameter) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
