package crm.customer.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.events.EventCodec;
import crm.events.Topics;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerRegistered;
import crm.rest.Roles;
import crm.testing.Callers;
import crm.testing.CrmTestResources;
import crm.testing.Sql;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The outbox events the broker refused, as an admin sees them: listed newest first without their payload, and
 * sent again once the cause is gone (here: a refusal the broker would not repeat).
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class RefusedEventsIT {
    private static final String REFUSED = "/api/v1/customers/admin/events/refused";
    private static final String TOO_LARGE = "org.apache.kafka.common.errors.RecordTooLargeException: "
            + "The message is 2000051 bytes when serialized which is larger than 1048576";

    @Inject
    AgroalDataSource db;

    @Inject
    EventCodec codec;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRefusedEventIsListedNewestFirstWithoutItsPayloadAndSentOnceInItsPlaceWhenReplayed() {
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CUSTOMER)) {
            long refusedBefore = Sql.count(db, "SELECT count(*) FROM outbox_event WHERE refused_at IS NOT NULL");
            long earlierPosition = refused(earlier, Instant.parse("2026-11-05T10:00:00Z"));
            refused(later, Instant.parse("2026-11-05T10:05:00Z"));
            try {
                JsonPath list = given().queryParam("size", 100).get(REFUSED).then().statusCode(200)
                        .body("total", equalTo((int) refusedBefore + 2))
                        .body("page", equalTo(0))
                        .body("size", equalTo(100))
                        .extract().jsonPath();
                List<String> ids = list.getList("items.id");
                assertTrue(ids.indexOf(later.toString()) < ids.indexOf(earlier.toString()), "newest first: " + ids);
                Map<String, Object> listed = list.getMap("items.find { it.id == '" + earlier + "' }");
                assertEquals(Topics.CUSTOMER, listed.get("topic"));
                assertEquals(CustomerEvents.REGISTERED.name(), listed.get("type"));
                assertEquals(earlier.toString(), listed.get("key"));
                assertEquals(Sql.count(db, "SELECT octet_length(CAST(payload AS text)) FROM outbox_event WHERE id = '" + earlier
                        + "'"), ((Number) listed.get("sizeBytes")).longValue());
                assertEquals(TOO_LARGE, listed.get("refusal"));
                assertEquals("2026-11-05T10:00:00Z", listed.get("refusedAt"));
                assertEquals(List.of("createdAt", "id", "key", "refusal", "refusedAt", "sizeBytes", "topic", "type"),
                        listed.keySet().stream().sorted().toList());
                given().queryParam("size", 1).get(REFUSED).then().statusCode(200)
                        .body("items.id", equalTo(List.of(later.toString())))
                        .body("total", equalTo((int) refusedBefore + 2));

                given().post(REFUSED + "/" + earlier + "/replay").then().statusCode(202)
                        .body("id", equalTo(earlier.toString()))
                        .body("refusal", equalTo(TOO_LARGE))
                        .body("$", not(hasKey("payload")));
                List<String> published = topic.awaitValues(earlier.toString(), 1);
                assertEquals(1, published.size());
                assertEquals(earlier.toString(), JsonPath.from(published.get(0)).getString("data.customerId"));
                await().atMost(Duration.ofSeconds(10)).until(() -> Sql.count(db, "SELECT count(*) FROM outbox_event WHERE id = '"
                        + earlier + "' AND sent_at IS NOT NULL AND refused_at IS NULL AND refusal IS NULL") == 1);
                assertEquals(earlierPosition, Sql.count(db, "SELECT position FROM outbox_event WHERE id = '" + earlier + "'"),
                        "its place in the outbox");
                given().queryParam("size", 100).get(REFUSED).then().statusCode(200)
                        .body("total", equalTo((int) refusedBefore + 1))
                        .body("items.find { it.id == '" + earlier + "' }", nullValue());
                await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> given().get("/q/health/ready").then()
                        .body("checks.find { it.name == 'Events' }.data.refusedEvents", equalTo((int) refusedBefore + 1)));

                given().post(REFUSED + "/" + earlier + "/replay").then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("id"));
                assertEquals(1, topic.values(earlier.toString()).size(), "published once");
            } finally {
                // Other tests count the rows not yet sent; this one is not waiting to be.
                Sql.execute(db, "DELETE FROM outbox_event WHERE id = ?", later);
            }
        }
    }

    @Test
    void anUnknownOrMalformedIdIsRefusedAndNothingIsQueued() {
        given().post(REFUSED + "/" + UUID.randomUUID() + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
        given().post(REFUSED + "/not-a-uuid/replay").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().queryParam("size", 101).get(REFUSED).then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("page", -1).get(REFUSED).then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void onlyAnAdminSeesOrReplaysRefusedEvents() {
        Callers.assertForbidden(Callers.as("analyst-2", Roles.ANALYST).get(REFUSED), "This needs the role admin");
        Callers.assertForbidden(Callers.as("desk-2", Roles.FRONT_DESK, Roles.PRIVACY_OFFICER)
                .post(REFUSED + "/" + UUID.randomUUID() + "/replay"), "This needs the role admin");
    }

    /** An event the broker refused when it was written (a smaller limit then, say); answers its place. */
    private long refused(UUID customer, Instant refusedAt) {
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC);
        String payload = codec.write(CustomerEvents.REGISTERED, customer, customer, time,
                new CustomerRegistered(customer, "CONSUMER", time.toInstant()));
        Sql.execute(db, """
                INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at, refused_at, refusal)
                VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?)""", customer, Topics.CUSTOMER, customer.toString(),
                CustomerEvents.REGISTERED.name(), payload, time, refusedAt.atOffset(ZoneOffset.UTC), TOO_LARGE);
        return Sql.count(db, "SELECT position FROM outbox_event WHERE id = '" + customer + "'");
    }
}
