package crm.events.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import crm.events.CloudEvent;
import crm.events.EventCodec;
import crm.events.KafkaClients;
import crm.events.config.EventsConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Polls the topics the service's {@link EventHandler}s subscribe to and applies each event in
 * its own transaction, recording its id first so a redelivered event has no second effect.
 * Offsets are committed only after the effect. A failing event is retried before any later event
 * of its partition (one customer's events stay in order); after {@code crm.events.max-attempts}
 * it goes to the failed_event table, so one bad record cannot stop a partition.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final ProcessedEvents processed;
    private final FailedEvents failed;
    private final EventCodec codec;
    private final EventsConfig config;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Map<String, Integer> attempts = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    public EventConsumer(Instance<EventHandler> handlers, KafkaClients kafka, ProcessedEvents processed,
            FailedEvents failed, EventCodec codec, EventsConfig config) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.processed = processed;
        this.failed = failed;
        this.codec = codec;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        handlers.forEach(handler -> handler.subscribe(subscriptions));
        if (subscriptions.isEmpty()) {
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

    /** False once the consumer thread has died; the readiness check reports it. */
    public boolean isHealthy() {
        return thread == null || thread.isAlive();
    }

    private void run() {
        while (running) {
            try {
                kafka.ensureTopics();
                consumer = kafka.consumer();
                consumer.subscribe(subscriptions.topics());
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
                if (consumer != null) {
                    consumer.close(Duration.ofSeconds(5));
                    consumer = null;
                }
            }
        }
    }

    private void consumeOnce() {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean retry = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                if (!handle(record)) {
                    consumer.seek(partition, record.offset());
                    retry = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        if (retry) {
            pause();
        }
    }

    /** True when the record is dealt with (applied, skipped or dead-lettered); false to retry it. */
    private boolean handle(ConsumerRecord<String, String> record) {
        String position = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            apply(record);
            attempts.remove(position);
            return true;
        } catch (InvalidEvent e) {
            failed.record(config.consumerGroup(), record, e.getMessage());
            return true;
        } catch (RuntimeException e) {
            int attempt = attempts.merge(position, 1, Integer::sum);
            if (attempt >= config.maxAttempts()) {
                attempts.remove(position);
                failed.record(config.consumerGroup(), record, e.toString());
                return true;
            }
            LOG.warnf(e, "Event at %s failed (attempt %d of %d); retrying", position, attempt, config.maxAttempts());
            return false;
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new InvalidEvent("empty record");
        }
        CloudEvent event;
        try {
            event = codec.read(record.value());
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("not a CloudEvent: " + e.getOriginalMessage());
        }
        if (event.id() == null || event.type() == null) {
            throw new InvalidEvent("a CloudEvent needs an id and a type");
        }
        Subscriptions.Action<?> action = subscriptions.action(event.type());
        if (action == null) {
            return;
        }
        Object payload;
        try {
            payload = event.data() == null ? null : codec.payload(event, action.type().payloadClass());
        } catch (JsonProcessingException e) {
            throw new InvalidEvent("unreadable " + event.type() + " payload: " + e.getOriginalMessage());
        }
        if (payload == null) {
            throw new InvalidEvent(event.type() + " without data");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstDelivery(config.consumerGroup(), event.id())) {
                action.apply(payload);
            }
        });
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

    /** A record no retry can fix. */
    private static final class InvalidEvent extends RuntimeException {
        InvalidEvent(String message) {
            super(message);
        }
    }
}
