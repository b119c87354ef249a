package crm.events.outbox;

import crm.events.EventCodec;
import crm.events.KafkaClients;
import crm.events.config.EventsConfig;
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
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in the order they were written and marks them sent.
 * Of several instances of a service only one relays at a time (a transaction-scoped advisory
 * lock), so one customer's events keep their order. A crash between the send and the mark
 * re-sends the rows: consumers are idempotent on the event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    private static final int ACK_WINDOW = 10_000;

    private final EntityManager em;
    private final KafkaClients kafka;
    private final EventsConfig config;
    private final EventCodec codec;
    private final Map<String, BulkEventSource<?>> bulkSources;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    public OutboxRelay(EntityManager em, KafkaClients kafka, EventsConfig config, EventCodec codec,
            Instance<BulkEventSource<?>> bulkSources) {
        this.em = em;
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

    /** False once the relay thread has died; the readiness check reports it. */
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
                while (running && publishBatch(producer) == config.relayBatchSize()) {
                    wakeUps.drainPermits();
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
                LOG.warnf("Outbox relay failed, retrying in %s: %s", config.retryBackoff(), e.toString());
                // A producer that failed may be unusable (fenced, closed): start afresh.
                close(producer);
                producer = null;
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

    private int publishBatch(KafkaProducer<String, String> producer) {
        return QuarkusTransaction.requiringNew().timeout((int) config.relayTimeout().toSeconds()).call(() -> {
            // Services may share a database, each in its own schema: one lock per schema.
            boolean relaying = (Boolean) em.createNativeQuery(
                    "SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay:' || current_schema()))").getSingleResult();
            if (!relaying) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT id, topic, event_key, CAST(payload AS text), bulk,
                        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM outbox_event
                    WHERE sent_at IS NULL ORDER BY position LIMIT ?1""")
                    .setParameter(1, config.relayBatchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                String topic = (String) row[1];
                if (row[4] == null) {
                    send(producer, topic, (String) row[2], (String) row[3], acks);
                } else {
                    publishBulk(producer, id, topic, (String) row[2], (String) row[4],
                            Instant.parse((String) row[5]), acks);
                }
                ids.add(id);
            }
            awaitAll(acks);
            em.createNativeQuery("UPDATE outbox_event SET sent_at = ?1 WHERE id IN (?2)")
                    .setParameter(1, Instant.now())
                    .setParameter(2, ids)
                    .executeUpdate();
            return rows.size();
        });
    }

    /**
     * Every event of a bulk change, each with an id made from the outbox row and its subject, so a
     * re-send after a crash carries the same ids and consumers drop the repeats.
     */
    private <T> void publishBulk(KafkaProducer<String, String> producer, UUID rowId, String topic, String reference,
            String sourceName, Instant createdAt, List<Future<RecordMetadata>> acks) {
        @SuppressWarnings("unchecked")
        BulkEventSource<T> source = (BulkEventSource<T>) bulkSources.get(sourceName);
        if (source == null) {
            throw new IllegalStateException("No bulk event source " + sourceName + " for outbox row " + rowId);
        }
        OffsetDateTime time = createdAt.atOffset(ZoneOffset.UTC);
        source.read(reference, (subject, payload) -> {
            UUID id = UUID.nameUUIDFromBytes((rowId + "/" + subject).getBytes(StandardCharsets.UTF_8));
            send(producer, topic, subject.toString(), codec.write(source.type(), id, subject, time, payload), acks);
            if (acks.size() >= ACK_WINDOW) {
                awaitAll(acks);
            }
        });
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String value,
            List<Future<RecordMetadata>> acks) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        acks.add(producer.send(record));
    }

    private static void awaitAll(List<Future<RecordMetadata>> acks) {
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge an event", e);
        }
        acks.clear();
    }

    private void purgeSentRows() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("DELETE FROM outbox_event WHERE sent_at < ?1")
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
