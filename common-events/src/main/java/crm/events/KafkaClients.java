package crm.events;

import crm.events.config.EventsConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/** Builds the plain Kafka clients from the {@code kafka.*} configuration and creates the topics. */
@ApplicationScoped
public class KafkaClients {
    private static final Logger LOG = Logger.getLogger(KafkaClients.class);

    private final Map<String, Object> base;
    private final EventsConfig config;
    private volatile boolean topicsReady;
    private Admin admin;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> base, EventsConfig config) {
        this.base = base;
        this.config = config;
    }

    /**
     * An idempotent producer: acks from all in-sync replicas, no duplicates on its own retries, which
     * go on for {@code crm.events.delivery-timeout} (through a broker restart) before a send fails.
     */
    public KafkaProducer<String, String> producer() {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, config.consumerGroup() + "-outbox");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** A consumer that commits only what it has processed. */
    public KafkaConsumer<String, String> consumer() {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, config.consumerGroup() + "-events");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    /** Whether the broker answers within a second; health reports it (the outbox holds events meanwhile). */
    public boolean brokerReachable() {
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(1_000)).clusterId().get(2, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(base);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /**
     * Creates the CRM topics that do not exist yet. Every service creates all of them, so no
     * service depends on another having started first.
     */
    public void ensureTopics() throws ExecutionException, InterruptedException, TimeoutException {
        if (topicsReady) {
            return;
        }
        try (Admin admin = Admin.create(base)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, config.partitions(), config.replicationFactor()))
                    .toList();
            Map<String, KafkaFuture<Void>> created = admin.createTopics(missing).values();
            for (Map.Entry<String, KafkaFuture<Void>> topic : created.entrySet()) {
                try {
                    topic.getValue().get(10, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s", topic.getKey());
                } catch (ExecutionException e) {
                    // Another service may have created it a moment ago; any other failure is real.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        topicsReady = true;
    }
}
