package crm.customer.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.events.Topics;
import crm.events.customer.CustomerEvents;
import crm.events.customer.CustomerRegistered;
import crm.events.outbox.Outbox;
import crm.testing.CrmTestResources;
import crm.testing.KafkaBroker;
import crm.testing.Sql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/** The relay against the real broker: through an outage, and past an event the broker refuses. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class OutboxRelayIT {
    private static final Logger LOG = Logger.getLogger(OutboxRelayIT.class);
    private static final int WRITES = 1_000;
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource db;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aMinuteOfBrokerOutageWithAThousandWritesPublishesEveryEventExactlyOnceAndTheServiceStaysReady()
            throws InterruptedException {
        KafkaBroker broker = KafkaBroker.shared();
        List<String> customers = new ArrayList<>();
        try (Records topic = new Records(bootstrap, Topics.CUSTOMER)) {
            Instant start = Instant.now();
            broker.stop();
            try {
                for (int i = 0; i < WRITES; i++) {
                    UUID customer = UUID.randomUUID();
                    customers.add(customer.toString());
                    QuarkusTransaction.requiringNew().run(() -> outbox.publish(CustomerEvents.REGISTERED, customer,
                            new CustomerRegistered(customer, "CONSUMER", Instant.now())));
                    if (i == WRITES / 2) {
                        readyWhileTheBrokerIsDown();
                    }
                    sleepUntil(start.plus(OUTAGE.multipliedBy(i + 1).dividedBy(WRITES)));
                }
            } finally {
                broker.restart();
            }
            Instant restarted = Instant.now();
            Map<String, Integer> published = topic.countByKey(customers, Duration.ofMinutes(3));
            long delivered = customers.stream().filter(published::containsKey).count();
            long twice = customers.stream().filter(c -> published.getOrDefault(c, 0) > 1).count();
            LOG.infof("Outage of %s with %d writes: %d delivered, %d twice, all out %s after the restart", OUTAGE,
                    WRITES, delivered, twice, topic.lastSeen.minusMillis(restarted.toEpochMilli()).toEpochMilli() + " ms");
            assertEquals(WRITES, delivered);
            assertEquals(0, twice);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'Events' }.data.broker", equalTo("reachable"))
                .body("checks.find { it.name == 'Events' }.data.outboxLagSeconds", equalTo(0)));
    }

    private void readyWhileTheBrokerIsDown() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Events' }.data.broker", equalTo("unreachable"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double lag = metrics.lines().filter(line -> line.startsWith("crm_events_outbox_lag_seconds "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))).findFirst().orElse(-1);
        assertTrue(lag >= 20, "outbox lag " + lag + " s half way through the outage");
    }

    @Test
    void anEventTheBrokerRefusesIsSetAsideWithItsReasonAndTheEventsBehindItGoOut() {
        UUID tooLarge = UUID.randomUUID();
        UUID behind = UUID.randomUUID();
        long refusedBefore = Sql.count(db, "SELECT count(*) FROM outbox_event WHERE refused_at IS NOT NULL");
        try (Records topic = new Records(bootstrap, Topics.CUSTOMER)) {
            // Two megabytes: past the producer's request limit (max.request.size, 1 MB).
            Sql.execute(db, """
                    INSERT INTO outbox_event (id, topic, event_key, type, payload, created_at)
                    VALUES (?, ?, ?, 'crm.CustomerUpdated', jsonb_build_object('padding', repeat('x', 2000000)), now())""",
                    tooLarge, Topics.CUSTOMER, tooLarge.toString());
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(CustomerEvents.REGISTERED, behind,
                    new CustomerRegistered(behind, "CONSUMER", Instant.now())));

            Map<String, Integer> published = topic.countByKey(List.of(behind.toString()), Duration.ofSeconds(20));
            assertEquals(Map.of(behind.toString(), 1), published);
            assertEquals(0, topic.countByKey(List.of(tooLarge.toString()), Duration.ZERO).size());
        }
        try {
            assertEquals(1, Sql.count(db, "SELECT count(*) FROM outbox_event WHERE id = '" + tooLarge
                    + "' AND sent_at IS NULL AND refusal LIKE 'org.apache.kafka.common.errors.RecordTooLargeException: %'"));
            assertEquals(refusedBefore + 1, Sql.count(db, "SELECT count(*) FROM outbox_event WHERE refused_at IS NOT NULL"));
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Events' }.data.refusedEvents", equalTo((int) refusedBefore + 1)));
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("crm_events_outbox_refused " + (refusedBefore + 1) + ".0"));
        } finally {
            // Other tests count the rows not yet sent; this one is not waiting to be.
            Sql.execute(db, "DELETE FROM outbox_event WHERE id = ?", tooLarge);
        }
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }



    /** Every record published on a topic from the moment it is opened, counted by key. */
    private static final class Records implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Map<String, Integer> byKey = new HashMap<>();
        Instant lastSeen = Instant.now();

        Records(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** How often each of these keys was published, once all are seen (or at the deadline) and 5 s more for repeats. */
        Map<String, Integer> countByKey(List<String> keys, Duration within) {
            Instant deadline = Instant.now().plus(within);
            while (Instant.now().isBefore(deadline) && !byKey.keySet().containsAll(keys)) {
                poll();
            }
            Instant settle = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(settle)) {
                poll();
            }
            Map<String, Integer> counts = new HashMap<>();
            keys.forEach(key -> {
                if (byKey.containsKey(key)) {
                    counts.put(key, byKey.get(key));
                }
            });
            return counts;
        }

        private void poll() {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                byKey.merge(record.key(), 1, Integer::sum);
                lastSeen = Instant.now();
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
