package crm.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.Topics;
import crm.testing.KafkaBroker;
import crm.testing.TestDatabase;
import crm.testing.TopicReader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults while guests sign up, pay and are logged through the gateway: the broker stopped, a service killed
 * with {@code kill -9}, the database gone for a while, a service down, a poison record on a topic (a kill during
 * a close's relay: {@link CloseRelayFaultSystemIT}). Each
 * asserts, counting from the outside (the API, the topics and the rows set aside), that no answered write is lost, that a write
 * sent again after a lost answer applies once, and how many events came twice. Sizes are reduced for CI; the
 * full ones: {@code ./mvnw verify -pl system-tests -Dit.test=FaultSystemIT -Dcrm.faults.outage-writes=1000
 * -Dcrm.faults.outage-seconds=60 -Dcrm.faults.guests=300}.
 */
class FaultSystemIT {
    private static final int OUTAGE_WRITES = Integer.getInteger("crm.faults.outage-writes", 200);
    private static final int OUTAGE_SECONDS = Integer.getInteger("crm.faults.outage-seconds", 20);
    private static final int GUESTS = Integer.getInteger("crm.faults.guests", 100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RunningSystem system;
    private static String desk;
    private static String till;
    private static Guests guests;
    private static String journey;

    @BeforeAll
    static void start() throws Exception {
        system = RunningSystem.shared();
        RestAssured.port = system.gatewayPort;
        desk = Keys.of(system, "front-desk");
        till = Keys.of(system, "pos");
        guests = new Guests(system.gatewayPort, desk, till);
        journey = "faults-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Keys.admin(system)).contentType(ContentType.JSON).body("""
                {"code":"%s","name":"Tea","touchPoints":[
                  {"code":"welcome","name":"Welcome","channel":"STORE","need":"RELATIONSHIP","brandType":"BRANDED"}]}"""
                .formatted(journey)).post("/api/v1/experience/journeys").then().statusCode(201);
    }

    /** One guest's writes: their keys, and the customer id once the registration answered. */
    private static final class Guest {
        final String registrationKey = Guests.key();
        final String externalId = "fault-" + UUID.randomUUID();
        final String visitId = "F-" + UUID.randomUUID();
        volatile String id;
        volatile boolean sold;
        volatile boolean visited;
        volatile int failures;

        /** Sends what has not been answered yet: registration, sale, visit, in that order. */
        void write(boolean visit) {
            if (id == null) {
                Guests.Answer answer = guests.register(registrationKey, "Fault guest");
                if (!answer.ok()) {
                    failures++;
                    return;
                }
                id = answer.id();
            }
            if (!sold) {
                Guests.Answer answer = guests.sell(id, externalId, "2024-07-12", "30.00");
                sold = answer.ok();
                if (!sold) {
                    failures++;
                    return;
                }
            }
            if (visit && !visited) {
                Guests.Answer answer = guests.visit(id, visitId, journey);
                visited = answer.ok();
                if (!visited) {
                    failures++;
                }
            }
        }
    }

    @Test
    void theBrokerStoppedWhileGuestsSignUpAndPayLosesNothingAndPublishesAlmostNothingTwice() throws Exception {
        KafkaBroker broker = KafkaBroker.shared();
        List<Guest> all = guests(OUTAGE_WRITES / 2);
        try (TopicReader sales = new TopicReader(broker.bootstrapServers(), Topics.TRANSACTION)) {
            broker.stop();
            Instant restarted;
            try {
                // the writes spread over the outage, as they would arrive at a till
                long pause = OUTAGE_SECONDS * 1000L / all.size();
                for (Guest guest : all) {
                    guest.write(false);
                    Thread.sleep(pause);
                }
            } finally {
                broker.restart();
                restarted = Instant.now();
            }
            assertEquals(0, all.stream().mapToInt(g -> g.failures).sum(), "every write answered while the broker was down");
            awaitEverySaleCountedOnce(all);
            Duration recovery = Duration.between(restarted, Instant.now());
            Events events = events(sales, all);
            System.out.printf("broker outage of %d s: %d writes answered, %d events delivered (%d distinct, %d twice),"
                            + " all applied %.1f s after the broker came back%n", OUTAGE_SECONDS, all.size() * 2,
                    events.records(), events.distinct(), events.records() - events.distinct(), recovery.toMillis() / 1000.0);
            assertEquals(all.size(), events.distinct(), "one TransactionRecorded per sale");
            assertTrue(events.records() - events.distinct() <= events.distinct() / 100,
                    "at most 1% published twice: " + (events.records() - events.distinct()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer-service", "segmentation-service", "experience-service"})
    void aServiceKilledDuringAWriteFloodLosesNoAnsweredWriteAndAppliesNoneTwice(String service) throws Exception {
        List<Guest> all = guests(GUESTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (TopicReader sales = new TopicReader(KafkaBroker.shared().bootstrapServers(), Topics.TRANSACTION)) {
            List<Future<?>> flood = new ArrayList<>();
            for (Guest guest : all) {
                flood.add(pool.submit(() -> guest.write(true)));
            }
            Thread.sleep(300);
            system.kill(service);
            Instant killed = Instant.now();
            for (Future<?> write : flood) {
                write.get(2, TimeUnit.MINUTES);
            }
            system.restart(service);
            Duration down = Duration.between(killed, Instant.now());
            int failed = all.stream().mapToInt(g -> g.failures).sum();
            // a client sends again what was not answered, under the same keys
            resend(all);
            awaitEverySaleCountedOnce(all);
            for (Guest guest : all) {
                assertEquals(200, guests.get("/api/v1/experience/visits/" + guest.visitId + "/curve", desk).status(),
                        "the visit of " + guest.id);
            }
            Events events = events(sales, all);
            System.out.printf("%s killed during %d guests' writes: down %.1f s, %d writes failed and were sent again,"
                            + " %d sales recorded once each, %d events (%d twice)%n", service, all.size(),
                    down.toMillis() / 1000.0, failed, all.size(), events.records(), events.records() - events.distinct());
            assertEquals(all.size(), events.distinct(), "one TransactionRecorded per sale");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseGoneForAWhileDuringAWriteFloodLosesNoAnsweredWriteAndAppliesNoneTwice() throws Exception {
        List<Guest> all = guests(GUESTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        TestDatabase db = TestDatabase.shared();
        String name = db.jdbcUrl().substring(db.jdbcUrl().lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection admin = DriverManager.getConnection(db.jdbcUrl().replace("/" + name, "/postgres"), db.user(),
                db.password()); Statement s = admin.createStatement()) {
            List<Future<?>> flood = new ArrayList<>();
            for (Guest guest : all) {
                flood.add(pool.submit(() -> guest.write(true)));
            }
            Thread.sleep(500);
            // as a restart looks to the services: every connection cut, and none taken for five seconds
            s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                        + "' AND pid <> pg_backend_pid()");
                Thread.sleep(5000);
            } finally {
                s.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
            for (Future<?> write : flood) {
                write.get(2, TimeUnit.MINUTES);
            }
            int failed = all.stream().mapToInt(g -> g.failures).sum();
            resend(all);
            awaitEverySaleCountedOnce(all);
            System.out.printf("database gone for 5 s during %d guests' writes: %d writes failed and were sent again,"
                    + " every sale counted once%n", all.size(), failed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withExperienceServiceDownTheOthersAndTheGatewayKeepServing() throws Exception {
        system.kill("experience-service");
        try {
            Guest guest = new Guest();
            guest.write(false);
            assertEquals(0, guest.failures, "registration and sale with experience-service down");
            assertEquals(200, guests.get("/api/v1/customers/" + guest.id + "/card", desk).status());
            given().auth().oauth2(desk).get("/api/v1/customers/" + guest.id + "/card").then()
                    .body("unavailable.section", org.hamcrest.Matchers.hasItem("experience"));
            assertEquals(503, guests.get("/api/v1/experience/customers/" + guest.id, desk).status());
            awaitEverySaleCountedOnce(List.of(guest));
        } finally {
            system.restart("experience-service");
        }
    }

    @Test
    void aPoisonRecordAndAnOversizedOneOnEveryPartitionAreSetAsideAndTheEventsBehindThemApplied() throws Exception {
        String topic = Topics.CUSTOMER;
        long before = failedEvents("segmentation") + failedEvents("experience");
        int partitions;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", KafkaBroker.shared().bootstrapServers(), "max.request.size", 2_000_000,
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class))) {
            partitions = producer.partitionsFor(topic).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(topic, p, "poison", "this is not an event")).get();
                producer.send(new ProducerRecord<>(topic, p, "oversized", "{\"padding\":\"" + "x".repeat(900_000) + "\"}")).get();
            }
        }
        // guests signed up after them, on every partition, reach both consumers
        List<Guest> after = guests(4 * partitions);
        after.forEach(g -> g.write(false));
        awaitEverySaleCountedOnce(after);
        // a consumer that restarted after a kill may wait out its old session first
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertEquals(4L * partitions,
                failedEvents("segmentation") + failedEvents("experience") - before, "records set aside"));
        System.out.printf("a poison and a 900 KB record on each of %d partitions: %d set aside, %d guests after them"
                + " applied%n", partitions, 4 * partitions, after.size());
    }

    private static long failedEvents(String schema) throws Exception {
        TestDatabase db = TestDatabase.shared();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM " + schema + ".failed_event")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<Guest> guests(int count) {
        List<Guest> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(new Guest());
        }
        return all;
    }

    private static void resend(List<Guest> all) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            all.forEach(g -> g.write(true));
            return all.stream().allMatch(g -> g.id != null && g.sold && g.visited);
        });
    }

    /** Each guest known to segmentation-service, confirmed by her registration, with exactly her one sale. */
    private static void awaitEverySaleCountedOnce(List<Guest> all) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Guest guest : all) {
                given().auth().oauth2(desk).get("/api/v1/segments/customers/" + guest.id).then().statusCode(200)
                        .body("confirmed", org.hamcrest.Matchers.equalTo(true))
                        .body("metrics.purchases", org.hamcrest.Matchers.equalTo(1))
                        .body("metrics.revenue", org.hamcrest.Matchers.equalTo(30f));
            }
        });
    }

    private record Events(int records, int distinct) {
    }

    /** TransactionRecorded records of these guests on the topic, and how many distinct events they are. */
    private static Events events(TopicReader topic, List<Guest> all) throws Exception {
        int records = 0;
        Set<String> ids = Collections.synchronizedSet(new HashSet<>());
        for (Guest guest : all) {
            for (String value : topic.awaitValues(guest.id, 1)) {
                JsonNode event = JSON.readTree(value);
                records++;
                ids.add(event.path("id").asText());
            }
        }
        return new Events(records, ids.size());
    }
}
