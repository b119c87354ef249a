package crm.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.KafkaBroker;
import crm.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.quota.ClientQuotaFilterComponent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of segmentation-service while its relay publishes a period close's SegmentChanged events, through
 * the gateway, counted from the outside (the API and the topic). Sized for CI; the full size:
 * {@code ./mvnw verify -pl system-tests -Dit.test=CloseRelayFaultSystemIT -Dcrm.faults.close-customers=5000}.
 */
class CloseRelayFaultSystemIT {
    private static final int CLOSE_CUSTOMERS = Integer.getInteger("crm.faults.close-customers", 2000);
    /** A month no other test sells in or closes: each of its customers is new to the pyramid at its close. */
    private static final String CLOSE_PERIOD = "2003-03";
    /** Whose sends the broker slows down, so that a kill lands in the middle of a close's relay. */
    private static final String SEGMENTATION_RELAY = "segmentation-service-outbox";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;
    private static String till;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        till = Keys.of(system, "pos");
    }

    /**
     * A period close moves every customer of the period, and its SegmentChanged events go out as one outbox row
     * (a bulk change) that the relay reads from the close's levels. Killed in the middle of that relay, the row is
     * not marked sent, so the restarted relay sends every event of it again, under the same ids. The documented
     * bound is one relay batch re-sent, here the batch holding that one row: each event is on the topic at most
     * twice, those published before the restart twice, and at most all of the close's events come twice.
     */
    @Test
    void segmentationServiceKilledWhileItsRelayPublishesACloseRecordsTheCloseOnceAndMissesNoSegmentChange()
            throws Exception {
        String admin = Keys.admin(system);
        Map<String, BigDecimal> revenue = soldIn(CLOSE_PERIOD, CLOSE_CUSTOMERS);
        // About 600 bytes a record, 1% of them a second: the relay takes minutes instead of a fraction of a
        // second. The broker lets a new client send ten seconds' worth at once (it measures a rate over at
        // least ten one-second windows), and the producer's requests in flight go out before it slows them.
        throttle(SEGMENTATION_RELAY, CLOSE_CUSTOMERS * 6.0);
        Map<String, Object> closed;
        Set<String> beforeRestart;
        Instant killed;
        try (TopicReader topic = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.SEGMENT_CHANGE)) {
            try {
                closed = given().auth().oauth2(admin).contentType(ContentType.JSON)
                        .body("{\"period\":\"" + CLOSE_PERIOD + "\"}").post("/api/v1/segments/periods")
                        .then().statusCode(201).extract().jsonPath().getMap("$");
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO)
                        .until(() -> segmentChanges(topic).size() >= CLOSE_CUSTOMERS / 20);
                system.kill("segmentation-service");
                killed = Instant.now();
            } finally {
                throttle(SEGMENTATION_RELAY, null);
            }
            Duration restart;
            try {
                beforeRestart = ids(settled(topic));
            } finally {
                system.restart("segmentation-service");
                restart = Duration.between(killed, Instant.now());
            }
            assertTrue(beforeRestart.size() > 0 && beforeRestart.size() < CLOSE_CUSTOMERS,
                    "killed with some but not all of the close's events published: " + beforeRestart.size());
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ZERO).until(() -> segmentChanges(topic)
                    .stream().map(e -> e.path("subject").asText()).distinct().count() == CLOSE_CUSTOMERS);
            Duration recovery = Duration.between(killed, Instant.now());
            // The broker holds the requests of a client it throttles for up to its quota window (11 s), and still
            // appends those the killed relay had sent: the count is final once they are in.
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), killed.plusSeconds(15)).toMillis()));
            List<JsonNode> events = settled(topic);
            Map<String, List<JsonNode>> byCustomer = new TreeMap<>();
            events.forEach(e -> byCustomer.computeIfAbsent(e.path("data").path("customerId").asText(),
                    c -> new ArrayList<>()).add(e));
            long distinct = events.stream().map(e -> e.path("id").asText()).distinct().count();
            int twice = events.size() - (int) distinct;
            System.out.printf("segmentation-service killed during the relay of the close of %s: %d customers, %d"
                            + " SegmentChanged on the topic (%d distinct, %d twice: %d were out before the restart),"
                            + " none missing; up again %.1f s and every change out %.1f s after the kill%n",
                    CLOSE_PERIOD, CLOSE_CUSTOMERS, events.size(), distinct, twice, beforeRestart.size(),
                    restart.toMillis() / 1000.0, recovery.toMillis() / 1000.0);

            assertEquals(revenue.keySet(), byCustomer.keySet(), "a SegmentChanged for each customer of the period");
            assertEquals(CLOSE_CUSTOMERS, distinct, "one event per customer");
            for (List<JsonNode> sent : byCustomer.values()) {
                assertTrue(sent.size() <= 2, "an event re-sent at most once: " + sent);
                assertEquals(1, sent.stream().map(e -> e.path("id").asText()).distinct().count(),
                        "a re-sent event keeps its id: " + sent);
            }
            Set<String> repeated = new HashSet<>();
            byCustomer.values().stream().filter(sent -> sent.size() == 2)
                    .forEach(sent -> repeated.add(sent.get(0).path("id").asText()));
            assertTrue(repeated.containsAll(beforeRestart), "the restarted relay sends again what was out before");
            assertTrue(twice <= CLOSE_CUSTOMERS, "at most one relay batch, the close's events, sent again: " + twice);

            assertClosedOnce(admin, closed, revenue, events);
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"period\":\"" + CLOSE_PERIOD + "\"}")
                    .post("/api/v1/segments/periods").then().statusCode(200)
                    .body("customers", org.hamcrest.Matchers.equalTo(closed.get("customers")))
                    .body("changes", org.hamcrest.Matchers.equalTo(CLOSE_CUSTOMERS))
                    .body("closedAt", org.hamcrest.Matchers.equalTo(closed.get("closedAt")));
            Thread.sleep(2000);
            assertEquals(events.size(), segmentChanges(topic).size(), "closing again publishes nothing");
        }
    }

    /** One sale of its own amount to each of {@code count} new customers in {@code period}, a till's batches of 1,000. */
    private static Map<String, BigDecimal> soldIn(String period, int count) {
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (int from = 0; from < count; from += 1000) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                String customer = UUID.randomUUID().toString();
                BigDecimal price = BigDecimal.valueOf(10 + i % 90).setScale(2);
                revenue.put(customer, price);
                batch.add(Map.of("source", "till-1", "externalId", "close-" + customer, "customerId", customer,
                        "occurredAt", period + "-10T02:00:00Z", "store", "s1", "channel", "STORE", "currency", "CNY",
                        "lines", List.of(Map.of("sku", "TEA", "category", "FOOD", "quantity", 1, "unitPrice", price,
                                "unitCost", 4))));
            }
            given().auth().oauth2(till).contentType(ContentType.JSON).body(Map.of("transactions", batch))
                    .post("/api/v1/transactions/batch").then().statusCode(200)
                    .body("recorded", org.hamcrest.Matchers.equalTo(batch.size()));
        }
        return revenue;
    }

    /**
     * The close as a close without a crash records it: listed once with the same figures, and its pyramid cut
     * 1/4/15/80 from the period's customers, all new (no close before), with their revenue; its events say so.
     */
    private static void assertClosedOnce(String admin, Map<String, Object> closed, Map<String, BigDecimal> revenue,
            List<JsonNode> events) {
        int n = revenue.size();
        int customers = (Integer) closed.get("customers");
        assertEquals(n, closed.get("active"));
        assertEquals(n, closed.get("changes"));
        List<Map<String, Object>> listed = given().auth().oauth2(admin).queryParam("size", 100)
                .get("/api/v1/segments/periods").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.period == '" + CLOSE_PERIOD + "' }");
        assertEquals(List.of(closed), listed, "the close, recorded once");
        int top = (n + 50) / 100;
        int big = (n * 5 + 50) / 100;
        int medium = (n * 20 + 50) / 100;
        Map<String, Integer> levels = new LinkedHashMap<>();
        levels.put("TOP", top);
        levels.put("BIG", big - top);
        levels.put("MEDIUM", medium - big);
        levels.put("SMALL", n - medium);
        levels.put("INACTIVE", 0);
        levels.put("PROSPECT", customers - n);
        JsonPath pyramid = given().auth().oauth2(Keys.of(system, "analyst")).queryParam("period", CLOSE_PERIOD)
                .get("/api/v1/segments/pyramid").then().statusCode(200).extract().jsonPath();
        assertEquals(customers, pyramid.getInt("customers"));
        assertEquals(n, pyramid.getInt("active"));
        assertEquals(n, pyramid.getLong("unconfirmed"), "known from their sales only");
        assertEquals(revenue.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue(),
                pyramid.getDouble("revenue"), 0.001, "the period's revenue");
        levels.forEach((level, count) -> assertEquals(count.longValue(),
                pyramid.getLong("levels.find { it.level == '" + level + "' }.customers"), level));
        Map<String, Long> announced = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode event : events) {
            if (seen.add(event.path("id").asText())) {
                JsonNode data = event.path("data");
                assertEquals("PROSPECT/NEW", data.path("from").asText() + "/" + data.path("direction").asText());
                announced.merge(data.path("to").asText(), 1L, Long::sum);
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        levels.forEach((level, count) -> {
            if (count > 0 && !level.equals("PROSPECT")) {
                expected.put(level, count.longValue());
            }
        });
        assertEquals(expected, announced, "SegmentChanged events by level reached");
    }

    /** The SegmentChanged events of the close's period read so far. */
    private static List<JsonNode> segmentChanges(TopicReader topic) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String value : topic.values()) {
            JsonNode event = JSON.readTree(value);
            if (CLOSE_PERIOD.equals(event.path("data").path("period").asText())) {
                events.add(event);
            }
        }
        return events;
    }

    private static Set<String> ids(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(event.path("id").asText()));
        return ids;
    }

    /** The close's events once two readings a second apart agree: nothing more is on its way. */
    private static List<JsonNode> settled(TopicReader topic) throws Exception {
        List<JsonNode> last = segmentChanges(topic);
        for (int i = 0; i < 60; i++) {
            Thread.sleep(1000);
            List<JsonNode> now = segmentChanges(topic);
            if (now.size() == last.size()) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException("the close's events did not stop coming within a minute");
    }

    /** Limits what {@code clientId} may send the broker, bytes a second (null: no limit), once the broker applies it. */
    private static void throttle(String clientId, Double bytesPerSecond) throws Exception {
        ClientQuotaEntity client = new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, clientId));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaBroker.shared().bootstrapServers()))) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(client,
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", bytesPerSecond))))).all()
                    .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> Objects.equals(bytesPerSecond, admin
                    .describeClientQuotas(ClientQuotaFilter.containsOnly(List.of(ClientQuotaFilterComponent.ofEntity(
                            ClientQuotaEntity.CLIENT_ID, clientId)))).entities().get(10, TimeUnit.SECONDS)
                    .getOrDefault(client, Map.of()).get("producer_byte_rate")));
        }
    }
}
