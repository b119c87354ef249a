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
 * Offsets are committed only after the effect; a failing event is retried, after a pause, before
 * any later event of its partition (one customer's events stay in order).
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final Instance<EventHandler> handlers;
    private final KafkaClients kafka;
    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final EventsConfig config;
    private final Subscriptions subscriptions = new Subscriptions();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private Instant nextPurge = Instant.EPOCH;

    public EventConsumer(Instance<EventHandler> handlers, KafkaClients kafka, ProcessedEvents processed,
            EventCodec codec, EventsConfig config) {
        this.handlers = handlers;
        this.kafka = kafka;
        this.processed = processed;
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
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
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
            } catch (WakeupException e) {
                // shutting down
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
        boolean failed = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, String> record : records.records(partition)) {
                try {
                    apply(record);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Event at %s offset %d failed; it will be retried", partition, record.offset());
                    consumer.seek(partition, record.offset());
                    failed = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        if (failed) {
            pause();
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = codec.read(record.value());
        } catch (JsonProcessingException e) {
            LOG.errorf("Skipping a record that is not a CloudEvent at %s-%d offset %d: %s",
                    record.topic(), record.partition(), record.offset(), e.getOriginalMessage());
            return;
        }
        Subscriptions.Action<?> action = subscriptions.action(event.type());
        if (action == null) {
            return;
        }
        Object payload;
        try {
            payload = codec.payload(event, action.type().payloadClass());
        } catch (JsonProcessingException e) {
            LOG.errorf("Skipping event %s of type %s with an unreadable payload: %s",
                    event.id(), event.type(), e.getOriginalMessage());
            return;
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
}
