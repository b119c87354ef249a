package crm.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.KafkaBroker;
import crm.testing.TopicReader;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of each service behind one gateway, sharing the database and the broker: a flood of guests who
 * sign up and pay twice, spread over both instances, with the second instance of every service killed
 * ({@code kill -9}) in the middle. Counted from the outside afterwards: every answered write once in every
 * service, every event on its topic once, each customer's sales in the order they were made. The size is
 * reduced for CI; the full one: {@code -Dcrm.instances.guests=500}.
 */
class InstancesSystemIT {
    private static final int GUESTS = Integer.getInteger("crm.instances.guests", 120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUESTS = Pattern.compile(
            "http_server_requests_seconds_count\\{method=\"POST\"[^}]*status=\"201\"[^}]*} ([0-9.]+)");

    private static RunningSystem system;
    private static Guests guests;
    private static String desk;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        int port = system.gatewayOverTwoInstances();
        RestAssured.port = system.gatewayPort;
        desk = Keys.of(system, "front-desk");
        String till = Keys.of(system, "pos");
        guests = new Guests(port, desk, till);
        // the keys were issued through the first gateway: this one knows them after its next refresh
        String nobody = "/api/v1/segments/customers/" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).until(() -> guests.get(nobody, desk).status() != 401
                && guests.get(nobody, till).status() != 401);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        system.stopSecondInstances();
    }

    /** A guest's writes, each sent again until answered, as a till does with its keys. */
    private static final class Guest {
        final String registrationKey = Guests.key();
        final String firstSale = "two-" + UUID.randomUUID();
        final String secondSale = "two-" + UUID.randomUUID();
        volatile String id;
        volatile int failures;

        void write() {
            while (id == null) {
                Guests.Answer answer = guests.register(registrationKey, "Twin guest");
                if (answer.ok()) {
                    id = answer.id();
                } else {
                    failed();
                }
            }
            // the second sale only once the first is answered: the order the customer's events must keep
            while (!guests.sell(id, firstSale, "2024-08-01", "30.00").ok()) {
                failed();
            }
            while (!guests.sell(id, secondSale, "2024-08-02", "12.00").ok()) {
                failed();
            }
        }

        private void failed() {
            failures++;
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aFloodOverTwoInstancesOfEachServiceWithOneOfEachKilledLosesNothingAppliesNothingTwiceAndKeepsOrder()
            throws Exception {
        List<Guest> all = new ArrayList<>();
        for (int i = 0; i < GUESTS; i++) {
            all.add(new Guest());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        try (TopicReader customers = new TopicReader(bootstrap, Topics.CUSTOMER);
             TopicReader sales = new TopicReader(bootstrap, Topics.TRANSACTION)) {
            Instant started = Instant.now();
            List<Future<?>> flood = new ArrayList<>();
            for (Guest guest : all) {
                flood.add(pool.submit(guest::write));
            }
            // a third of the way in, the second instance of every service dies
            await().atMost(Duration.ofMinutes(2)).until(() -> all.stream().filter(g -> g.id != null).count() >= GUESTS / 3);
            int[] served = {created("customer-service"), created("customer-service-2"),
                created("segmentation-service"), created("segmentation-service-2")};
            for (String service : List.of("customer-service-2", "segmentation-service-2", "experience-service-2")) {
                system.kill(service);
            }
            for (Future<?> write : flood) {
                write.get(3, TimeUnit.MINUTES);
            }
            Duration took = Duration.between(started, Instant.now());
            int failures = all.stream().mapToInt(g -> g.failures).sum();
            assertTrue(served[1] > 0 && served[3] > 0, "the second instances served writes before they died");

            int registered = 0;
            int registeredRecords = 0;
            int saleRecords = 0;
            for (Guest guest : all) {
                List<JsonNode> registrations = events(customers.awaitValues(guest.id, 1), "CustomerRegistered");
                registeredRecords += registrations.size();
                registered += distinct(registrations);
                List<JsonNode> recorded = events(sales.awaitValues(guest.id, 2), "TransactionRecorded");
                saleRecords += recorded.size();
                assertEquals(2, distinct(recorded), "two TransactionRecorded for " + guest.id);
                assertEquals(List.of(guest.firstSale, guest.secondSale), recorded.stream()
                        .map(e -> e.path("data").path("externalId").asText()).distinct().toList(),
                        "the sales of " + guest.id + " in the order they were made");
            }
            assertEquals(GUESTS, registered, "one CustomerRegistered per guest");
            awaitEveryGuestCountedOnce(all);
            System.out.printf("two instances of each service, the second ones killed a third of the way in: %d guests,"
                            + " %d writes answered in %.1f s (%d sent again), before the kill customer-service %d/%d and"
                            + " segmentation-service %d/%d writes per instance; events %d CustomerRegistered (%d twice),"
                            + " %d TransactionRecorded (%d twice), each customer's sales in order%n",
                    GUESTS, GUESTS * 3, took.toMillis() / 1000.0, failures, served[0], served[1], served[2], served[3],
                    registeredRecords, registeredRecords - GUESTS, saleRecords, saleRecords - 2 * GUESTS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPeriodClosedThroughBothInstancesAtOnceIsClosedOnceAndEachChangePublishedOnce() throws Exception {
        String admin = Keys.admin(system);
        // twenty guests whose first purchase falls in the period: each is a NEW change when it closes
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Guests.Answer registered = guests.register(Guests.key(), "Early guest");
            assertEquals(201, registered.status(), registered.body());
            String id = registered.id();
            Guests.Answer sale = guests.sell(id, "early-" + UUID.randomUUID(), "2001-06-10", "30.00");
            assertEquals(201, sale.status(), sale.body());
            buyers.add(id);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : buyers) {
                assertTrue(guests.get("/api/v1/segments/customers/" + id, desk).body().contains("\"confirmed\":true"));
            }
        });
        try (TopicReader changes = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.SEGMENT_CHANGE)) {
            // round-robin: the two requests reach the two instances of segmentation-service at the same moment
            ExecutorService both = Executors.newFixedThreadPool(2);
            List<Future<Guests.Answer>> closes = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                closes.add(both.submit(() -> guests.post("/api/v1/segments/periods", admin, "{\"period\":\"2001-06\"}")));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<String> answers = new HashSet<>();
            for (Future<Guests.Answer> close : closes) {
                Guests.Answer answer = close.get(2, TimeUnit.MINUTES);
                statuses.add(answer.status());
                answers.add(JSON.readTree(answer.body()).toString());
            }
            both.shutdown();
            statuses.sort(null);
            assertEquals(List.of(200, 201), statuses, "closed once, found closed once");
            assertEquals(1, answers.size(), "both answers name the same close");
            int expected = JSON.readTree(answers.iterator().next()).path("changes").asInt();
            assertTrue(expected >= buyers.size(), "the twenty first purchases are changes: " + expected);
            await().atMost(Duration.ofSeconds(60)).until(() -> periodChanges(changes).size() >= expected);
            Thread.sleep(2000);
            List<JsonNode> published = periodChanges(changes);
            Set<String> customers = new HashSet<>();
            published.forEach(e -> customers.add(e.path("data").path("customerId").asText()));
            System.out.printf("a period closed through two instances at once: statuses %s, %d changes, %d SegmentChanged"
                    + " published for %d customers%n", statuses, expected, published.size(), customers.size());
            assertEquals(expected, published.size(), "one SegmentChanged per change");
            assertEquals(expected, customers.size(), "no customer's change twice");
        }
    }

    private static List<JsonNode> periodChanges(TopicReader changes) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String value : changes.values()) {
            JsonNode event = JSON.readTree(value);
            if (event.path("data").path("period").asText().equals("2001-06")) {
                events.add(event);
            }
        }
        return events;
    }

    /** Each guest's two sales counted once in segmentation-service, whichever instance took them. */
    private static void awaitEveryGuestCountedOnce(List<Guest> all) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Guest guest : all) {
                Guests.Answer answer = guests.get("/api/v1/segments/customers/" + guest.id, desk);
                assertEquals(200, answer.status());
                JsonNode segment = JSON.readTree(answer.body());
                assertTrue(segment.path("confirmed").asBoolean(), guest.id + " confirmed");
                assertEquals(2, segment.path("metrics").path("purchases").asInt(), "purchases of " + guest.id);
                assertEquals(42.0, segment.path("metrics").path("revenue").asDouble(), 0.001, "revenue of " + guest.id);
            }
        });
    }

    private static List<JsonNode> events(List<String> values, String type) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String value : values) {
            JsonNode event = JSON.readTree(value);
            if (event.path("type").asText().endsWith(type)) {
                events.add(event);
            }
        }
        return events;
    }

    private static int distinct(List<JsonNode> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.path("id").asText()));
        return ids.size();
    }

    /** The POSTs an instance answered 201, from its own metrics. */
    private static int created(String instance) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + system.port(instance) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = REQUESTS.matcher(metrics.body());
        int created = 0;
        while (m.find()) {
            created += (int) Double.parseDouble(m.group(1));
        }
        return created;
    }
}
