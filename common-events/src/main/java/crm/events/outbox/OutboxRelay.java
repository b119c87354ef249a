package crm.events.outbox;

import crm.db.AdvisoryLock;
import crm.events.EventCodec;
import crm.events.KafkaClients;
import crm.events.TraceContext;
import crm.events.config.EventsConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in the order they were written and marks them sent.
 * Of several instances of a service only one relays at a time (a transaction-scoped advisory
 * lock), so one customer's events keep their order. A row is read again only once every send of
 * its earlier reading has ended (the producer retries on its own, without duplicates, for
 * {@code crm.events.delivery-timeout}), so a broker outage does not publish events twice; only a
 * crash between the send and the mark re-sends them, and consumers are idempotent on the event id.
 * A row the broker refuses for good (too large, invalid) is set aside with the reason
 * ({@code refused_at}, {@code refusal}) and the rows behind it go on. Each record carries the trace context
 * its row keeps as Kafka headers ({@code traceparent}, {@code tracestate}); a bulk row's events carry it in
 * their CloudEvents attributes too (a single event has it there already). The relay makes no spans of its own.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    private static final String PENDING = """
            SELECT id, topic, event_key, CAST(payload AS text), bulk,
                to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), traceparent, tracestate
            FROM outbox_event
            WHERE sent_at IS NULL AND refused_at IS NULL ORDER BY position LIMIT ?1""";
    private static final String MARK_SENT = "UPDATE outbox_event SET sent_at = ?1 WHERE id IN (?2)";
    private static final String MARK_REFUSED = "UPDATE outbox_event SET refused_at = ?1, refusal = ?2 WHERE id = ?3";
    private static final String PURGE = "DELETE FROM outbox_event WHERE sent_at < ?1";

    private static final int ACK_WINDOW = 10_000;
    /** Beyond the delivery timeout, how long the relay waits for a send before it closes the producer. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final EntityManager em;
    private final AgroalDataSource db;
    /** Services may share a database, each in its own schema: one relay per schema. */
    private final AdvisoryLock relaying;
    private final KafkaClients kafka;
    private final EventsConfig config;
    private final EventCodec codec;
    private final Map<String, BulkEventSource<?>> bulkSources;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelay(EntityManager em, AgroalDataSource db, @ConfigProperty(name = "crm.schema") String schema,
            KafkaClients kafka, EventsConfig config, EventCodec codec, Instance<BulkEventSource<?>> bulkSources) {
        this.em = em;
        this.db = db;
        this.relaying = AdvisoryLock.of("outbox-relay", schema);
        this.kafka = kafka;
        this.config = config;
        this.codec = codec;
        this.bulkSources = bulkSources.stream().collect(Collectors.toMap(BulkEventSource::name, s -> s));
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** False once the relay thread has died; the liveness check reports it. */
    public boolean isHealthy() {
        return thread == null || thread.isAlive();
    }

    /** Called after a commit that wrote outbox rows, so they go out without waiting for the sweep. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        KafkaProducer<String, String> producer = null;
        while (running) {
            try {
                if (producer == null) {
                    kafka.ensureTopics();
                    producer = kafka.producer();
                }
                Batch batch;
                do {
                    batch = publishBatch(producer);
                    wakeUps.drainPermits();
                } while (running && batch.complete() && batch.rows() == config.relayBatchSize());
                if (batch.producerLost()) {
                    close(producer);
                    producer = null;
                }
                if (!batch.complete()) {
                    sleep(config.retryBackoff().toMillis());
                    continue;
                }
                purgeSentRows();
                wakeUps.tryAcquire(config.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                // Every send of the batch has ended (publishBatch waits for them): the producer stays.
                LOG.warnf("Outbox relay failed, retrying in %s: %s", config.retryBackoff(), e.toString());
                sleep(config.retryBackoff().toMillis());
            }
        }
        close(producer);
    }

    private static void close(KafkaProducer<String, String> producer) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * How a batch went: rows read; complete when every row was sent or refused (else the rest waits
     * for the next attempt); producerLost when the producer must be replaced.
     */
    private record Batch(int rows, boolean complete, boolean producerLost) {
    }

    private Batch publishBatch(KafkaProducer<String, String> producer) {
        return QuarkusTransaction.requiringNew().timeout((int) config.relayTimeout().toSeconds()).call(() -> {
            if (!relaying.tryUntilCommit(db)) {
                return new Batch(0, true, false);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(PENDING).setParameter(1, config.relayBatchSize()).getResultList();
            List<Delivery> deliveries = new ArrayList<>(rows.size());
            try {
                for (Object[] row : rows) {
                    Delivery delivery = new Delivery((UUID) row[0]);
                    deliveries.add(delivery);
                    String topic = (String) row[1];
                    TraceContext trace = new TraceContext((String) row[6], (String) row[7]);
                    if (row[4] == null) {
                        Future<RecordMetadata> send = send(producer, topic, (String) row[2], (String) row[3], trace);
                        delivery.add(send);
                        if (send.isDone() && delivery.settle(Instant.now()) && delivery.failure != null) {
                            break; // failed before it left (no metadata in max.block.ms): so would the rest
                        }
                    } else {
                        publishBulk(producer, delivery, topic, (String) row[2], (String) row[4],
                                Instant.parse((String) row[5]), trace);
                    }
                }
            } finally {
                // Never leave a send running when the rows may be read again.
                settleAll(producer, deliveries);
            }
            return mark(deliveries);
        });
    }

    /** Waits for every send; one still running past the delivery timeout is ended by closing the producer. */
    private void settleAll(KafkaProducer<String, String> producer, List<Delivery> deliveries) {
        Instant deadline = Instant.now().plus(config.deliveryTimeout()).plus(GRACE);
        boolean stuck = false;
        for (Delivery delivery : deliveries) {
            stuck |= !delivery.settle(deadline);
        }
        if (stuck) {
            LOG.warnf("Kafka did not end some sends within %s: closing the producer", config.deliveryTimeout());
            producer.close(Duration.ZERO);
            deliveries.forEach(delivery -> delivery.settle(Instant.now().plus(GRACE)));
            deliveries.forEach(Delivery::lost);
        }
    }

    private Batch mark(List<Delivery> deliveries) {
        List<UUID> sent = new ArrayList<>();
        boolean complete = true;
        boolean producerLost = false;
        Instant now = Instant.now();
        for (Delivery delivery : deliveries) {
            if (delivery.refusal != null) {
                LOG.errorf("Kafka refused outbox event %s for good; set aside: %s", delivery.rowId, delivery.refusal);
                em.createNativeQuery(MARK_REFUSED).setParameter(1, now).setParameter(2, delivery.refusal)
                        .setParameter(3, delivery.rowId).executeUpdate();
            } else if (delivery.failure == null) {
                sent.add(delivery.rowId);
            } else {
                complete = false;
                producerLost |= delivery.producerLost;
                LOG.warnf("Outbox event %s not published, retrying in %s: %s", delivery.rowId, config.retryBackoff(),
                        delivery.failure.toString());
            }
        }
        if (!sent.isEmpty()) {
            em.createNativeQuery(MARK_SENT).setParameter(1, now).setParameter(2, sent).executeUpdate();
        }
        return new Batch(deliveries.size(), complete, producerLost);
    }

    /**
     * Every event of a bulk change, each with an id made from the outbox row and its subject, so a
     * re-send after a crash carries the same ids and consumers drop the repeats.
     */
    private <T> void publishBulk(KafkaProducer<String, String> producer, Delivery delivery, String topic,
            String reference, String sourceName, Instant createdAt, TraceContext trace) {
        @SuppressWarnings("unchecked")
        BulkEventSource<T> source = (BulkEventSource<T>) bulkSources.get(sourceName);
        if (source == null) {
            throw new IllegalStateException("No bulk event source " + sourceName + " for outbox row " + delivery.rowId);
        }
        OffsetDateTime time = createdAt.atOffset(ZoneOffset.UTC);
        source.read(reference, (subject, payload) -> {
            UUID id = UUID.nameUUIDFromBytes((delivery.rowId + "/" + subject).getBytes(StandardCharsets.UTF_8));
            delivery.add(send(producer, topic, subject.toString(),
                    codec.write(source.type(), id, subject, time, payload, trace), trace));
            if (delivery.pending.size() >= ACK_WINDOW) {
                delivery.settle(Instant.now().plus(config.deliveryTimeout()).plus(GRACE));
            }
        });
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, String> producer, String topic, String key,
            String value, TraceContext trace) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (trace.traceparent() != null) {
            record.headers().add("traceparent", trace.traceparent().getBytes(StandardCharsets.UTF_8));
        }
        if (trace.tracestate() != null) {
            record.headers().add("tracestate", trace.tracestate().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer.send(record);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void purgeSentRows() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery(PURGE)
                .setParameter(1, now.minus(config.retention()))
                .executeUpdate());
        nextPurge = now.plus(config.retention().dividedBy(24));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
