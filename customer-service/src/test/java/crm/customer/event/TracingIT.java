package crm.customer.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import crm.testing.TopicWriter;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * One trace from a request to the event it causes and on to the effect of an event in a consumer: the W3C
 * context the caller sends is continued by the service's spans, kept with the outbox row and carried by the
 * event on Kafka; an event carrying a context is applied in a consumer span that is a child of it.
 */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class TracingIT {
    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    private static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    InMemorySpanExporter spans;

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRequestsTraceGoesWithItsOutboxRowAndItsEventOntoKafka() throws Exception {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.CUSTOMER)) {
            String id = given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                    .contentType(ContentType.JSON).body("{\"displayName\":\"Traced Guest\"}")
                    .post("/api/v1/customers").then().statusCode(201).extract().path("id");

            ConsumerRecord<String, String> record = topic.awaitRecords(id, 1).get(0);
            JsonNode event = json.readTree(record.value());
            String traceparent = event.get("traceparent").asText();
            assertEquals(traceId, traceparent.split("-")[1]);
            assertEquals(traceparent, header(record, "traceparent"));
            assertEquals(traceparent, storedTraceparent(id));

            // The event's context is the producer span where it was created, a child of the request's span,
            // itself a child of the caller's.
            SpanData producer = awaitSpan(traceId, "create crm.customer.v1");
            assertEquals(SpanKind.PRODUCER, producer.getKind());
            assertEquals("00-" + traceId + "-" + producer.getSpanId() + "-01", traceparent);
            assertEquals("crm.CustomerRegistered", producer.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type")));
            SpanData request = span(producer.getParentSpanId());
            assertEquals(SpanKind.SERVER, request.getKind());
            assertEquals(traceId, request.getTraceId());
            assertEquals(callerSpanId, request.getParentSpanId());
            assertEquals("POST /api/v1/customers", request.getName());
        }
    }

    @Test
    void anEventIsAppliedInAConsumerSpanThatIsAChildOfTheContextItCarries() {
        String customerId = given().contentType(ContentType.JSON).body("{\"displayName\":\"Seen Guest\"}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        String traceId = hex(16);
        String producerSpanId = hex(8);
        String eventId = UUID.randomUUID().toString();
        TopicWriter.send(bootstrap, Topics.TRANSACTION, customerId, """
            {"specversion":"1.0","id":"%s","source":"/crm/segmentation-service","type":"crm.TransactionRecorded",
             "subject":"%s","time":"2026-11-03T08:00:00Z","datacontenttype":"application/json",
             "traceparent":"00-%s-%s-01",
             "data":{"transactionId":"%s","customerId":"%s","source":"pos","externalId":"%s",
                     "occurredAt":"2026-11-03T08:00:00Z","store":"cafe-1","channel":"STORE","currency":"CNY",
                     "lines":[{"sku":"SKU-TEA","category":"FOOD","quantity":1,"unitPrice":28.00,"unitCost":9.50}],
                     "attributes":{},"revenue":28.00,"margin":18.50}}"""
                .formatted(eventId, customerId, traceId, producerSpanId, eventId, customerId, eventId));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/api/v1/customers/" + customerId)
                .then().statusCode(200).body("lastSeenAt", equalTo("2026-11-03T08:00:00Z")));
        SpanData consumer = awaitSpan(traceId, "process crm.transaction.v1");
        assertEquals(SpanKind.CONSUMER, consumer.getKind());
        assertEquals(producerSpanId, consumer.getParentSpanId());
        assertEquals(eventId, consumer.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id")));
        assertEquals("customer-service", consumer.getAttributes().get(AttributeKey.stringKey("messaging.consumer.group.name")));
    }

    @Test
    void noPhoneNumberEMailAddressNameOrErrorMessageGoesIntoASpan() {
        String traceId = hex(16);
        String mobile = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String traceparent = "00-" + traceId + "-" + hex(8) + "-01";
        String id = given().header("traceparent", traceparent).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Wei Yu\",\"phone\":\"%s\",\"email\":\"wei.%s@example.com\"}".formatted(mobile, mobile))
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
        given().header("traceparent", traceparent).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Wei Yu\",\"phone\":\"%s\"}".formatted(mobile))
                .post("/api/v1/customers").then().statusCode(409);
        given().header("traceparent", traceparent).queryParam("phone", mobile)
                .get("/api/v1/customers/identify").then().statusCode(200);
        given().header("traceparent", traceparent)
                .delete("/api/v1/customers/" + id + "/identifiers/EMAIL/wei." + mobile + "@example.com")
                .then().statusCode(204);

        SpanData identify = awaitSpan(traceId, "GET /api/v1/customers/identify");
        assertEquals("phone", identify.getAttributes().get(URL_QUERY));
        assertEquals("/api/v1/customers/identify", identify.getAttributes().get(URL_PATH));
        SpanData remove = awaitSpan(traceId, "DELETE /api/v1/customers/{id}/identifiers/{kind}/{value}");
        assertEquals("/api/v1/customers/" + id + "/identifiers/{value}/{value}", remove.getAttributes().get(URL_PATH));
        for (SpanData span : trace(traceId)) {
            String text = span.getName() + " " + span.getAttributes();
            assertFalse(text.contains(mobile.substring(3)) || text.contains("Wei") || text.contains("example.com"),
                    "personal data in span " + text);
            // no exception either (the 409's): its message may quote the request
            assertEquals(List.of(), span.getEvents(), span.getName());
        }
    }

    private SpanData awaitSpan(String traceId, String name) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> trace(traceId).stream().filter(s -> s.getName().equals(name)).findFirst().orElse(null),
                span -> span != null);
    }

    private List<SpanData> trace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private SpanData span(String spanId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(spanId)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + spanId));
    }

    private String storedTraceparent(String customerId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT traceparent FROM outbox_event WHERE event_key = ? AND type = 'crm.CustomerRegistered'")) {
            s.setString(1, customerId);
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), "no outbox row for " + customerId);
                return rows.getString(1);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
