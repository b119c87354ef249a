package crm.events.inbox;

import crm.events.KafkaClients;
import crm.events.config.EventsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Polls the topics the service's {@link EventHandler}s subscribe to and applies each event
 * ({@link EventApplier}); offsets are committed only after the effect. A failing event is retried
 * before any later event of its partition (one customer's events stay in order): its partition is
 * paused and sought back to it, with a pause that doubles from {@code crm.events.retry-backoff} up to
 * {@code crm.events.max-retry-backoff}, while the other partitions go on. It goes to failed_event
 * once it has failed for {@code crm.events.retry-for} when the database was the trouble, after
 * {@code crm.events.max-attempts} otherwise, and at once when it cannot be read; so one bad record
 * cannot stop a partition.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventApplier applier;
    private final KafkaClients kafka;
    private final ProcessedEvents processed;
    private final FailedEvents failed;
    private final EventsConfig config;
    /** The event each partition is retrying, and when its partition resumes. */
    private final Map<TopicPartition, Retry> retries = new HashMap<>();
    private volatile boolean running;
    private volatile long lag = -1;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    public EventConsumer(EventApplier applier, KafkaClients kafka, ProcessedEvents processed, FailedEvents failed,
            EventsConfig config) {
        this.applier = applier;
        this.kafka = kafka;
        this.processed = processed;
        this.failed = failed;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (applier.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread == null) {
            return;
        }
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    /** False once the consumer thread has died; the liveness check reports it. */
    public boolean isHealthy() {
        return thread == null || thread.isAlive();
    }

    /** Whether this service consumes events at all. */
    public boolean isConsuming() {
        return thread != null;
    }

    /** Records not yet consumed on the partitions assigned here, as of the last poll; -1 when unknown. */
    public long lag() {
        return lag;
    }

    private void run() {
        while (running) {
            try {
                kafka.ensureTopics();
                consumer = kafka.consumer();
                consumer.subscribe(applier.topics());
                while (running) {
                    consumeOnce();
                    purgeProcessedIds();
                }
            } catch (WakeupException | InterruptedException e) {
                running = false;
            } catch (Exception e) {
                LOG.warnf("Event consumer failed, restarting in %s: %s", config.retryBackoff(), e.toString());
                pause();
            } finally {
                retries.clear();
                lag = -1;
                if (consumer != null) {
                    consumer.close(Duration.ofSeconds(5));
                    consumer = null;
                }
            }
        }
    }

    private void consumeOnce() {
        resumeDuePartitions();
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                Retry retry = handle(partition, record);
                if (retry != null) {
                    retries.put(partition, retry);
                    consumer.seek(partition, record.offset());
                    consumer.pause(List.of(partition));
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        lag = consumer.assignment().stream().mapToLong(p -> consumer.currentLag(p).orElse(0)).sum();
    }

    private void resumeDuePartitions() {
        Set<TopicPartition> assigned = consumer.assignment();
        retries.keySet().retainAll(assigned);
        Instant now = Instant.now();
        Set<TopicPartition> paused = consumer.paused();
        List<TopicPartition> due = retries.entrySet().stream()
                .filter(entry -> !entry.getValue().resumeAt().isAfter(now))
                .map(Map.Entry::getKey)
                .filter(paused::contains)
                .toList();
        if (!due.isEmpty()) {
            consumer.resume(due);
        }
    }

    /** Null when the record is dealt with (applied, skipped or set aside); else when to try it again. */
    private Retry handle(TopicPartition partition, ConsumerRecord<String, String> record) {
        Retry earlier = retries.get(partition);
        if (earlier != null && earlier.offset() != record.offset()) {
            earlier = null;
        }
        try {
            applier.apply(record.value(), null);
            retries.remove(partition);
            return null;
        } catch (InvalidEvent e) {
            retries.remove(partition);
            failed.record(config.consumerGroup(), record, e.getMessage());
            return null;
        } catch (RuntimeException e) {
            Retry retry = earlier == null ? Retry.first(record.offset()) : earlier.next();
            boolean database = DatabaseTrouble.causes(e);
            Duration failing = Duration.between(retry.since(), Instant.now());
            if (database ? failing.compareTo(config.retryFor()) >= 0 : retry.attempts() >= config.maxAttempts()) {
                retries.remove(partition);
                failed.record(config.consumerGroup(), record,
                        "after %d attempts in %s: %s".formatted(retry.attempts(), failing, e));
                return null;
            }
            Duration wait = backoff(retry.attempts());
            if (retry.attempts() == 1) {
                LOG.warnf(e, "Event at %s@%d failed; retrying in %s", partition, record.offset(), wait);
            } else {
                LOG.warnf("Event at %s@%d failed (attempt %d, %s): %s; retrying in %s", partition, record.offset(),
                        retry.attempts(), database ? "database" : "not the database", e, wait);
            }
            return retry.resumingAt(Instant.now().plus(wait));
        }
    }

    private Duration backoff(int attempts) {
        Duration wait = config.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxRetryBackoff()) > 0 ? config.maxRetryBackoff() : wait;
    }

    private void purgeProcessedIds() {
        Instant now = Instant.now();
        if (now.isAfter(nextPurge)) {
            QuarkusTransaction.requiringNew().run(() -> processed.purgeBefore(now.minus(config.retention())));
            nextPurge = now.plus(config.retention().dividedBy(24));
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** An event being retried: its offset, when it first failed, how often it has, when to try again. */
    private record Retry(long offset, Instant since, int attempts, Instant resumeAt) {
        static Retry first(long offset) {
            return new Retry(offset, Instant.now(), 1, Instant.now());
        }

        Retry next() {
            return new Retry(offset, since, attempts + 1, resumeAt);
        }

        Retry resumingAt(Instant at) {
            return new Retry(offset, since, attempts, at);
        }
    }
}
