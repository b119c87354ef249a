package crm.segmentation.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.CrmTestResources;
import crm.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A period close stages all its events in one outbox row, and each of them still carries the close's trace. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class TracingIT {
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyEventOfACloseCarriesTheTraceOfTheRequestThatClosedThePeriod() throws Exception {
        List<UUID> customers = Ledger.knownCustomers(db, 3);
        Ledger.record(customers.stream().map(c -> Ledger.sale(c, "2013-03-10T10:00:00Z", "25.00")).toList());
        String traceId = hex(16);
        String callerSpanId = hex(8);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.SEGMENT_CHANGE)) {
            given().header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01").contentType(ContentType.JSON)
                    .body("{\"period\":\"2013-03\"}").post("/api/v1/segments/periods").then().statusCode(201);

            String stored = storedTraceparent();
            String[] parts = stored.split("-");
            assertEquals(traceId, parts[1]);
            assertNotEquals(callerSpanId, parts[2]); // the service's producer span, a descendant of the caller's
            for (UUID customer : customers) {
                ConsumerRecord<String, String> record = topic.awaitRecords(customer.toString(), 1).get(0);
                assertEquals(stored, json.readTree(record.value()).get("traceparent").asText());
                assertEquals(stored, new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8));
            }
        }
    }

    private String storedTraceparent() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT traceparent FROM outbox_event WHERE bulk IS NOT NULL AND event_key LIKE '2013-03%'")) {
            try (ResultSet rows = s.executeQuery()) {
                assertTrue(rows.next(), "no outbox row for the close of 2013-03");
                return rows.getString(1);
            }
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
