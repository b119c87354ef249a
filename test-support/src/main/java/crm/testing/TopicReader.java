package crm.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is published on a topic from the moment it is opened, so a test sees exactly the
 * events its own actions caused. Every event a service published is checked against the event
 * contract ({@link EventContract}): a test that reads one that breaks it fails.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** The values published with this key so far, waiting up to 10 s for at least {@code count}. */
    public List<String> awaitValues(String key, int count) {
        return awaitRecords(key, count).stream().map(ConsumerRecord::value).toList();
    }

    public String awaitValue(String key) {
        return awaitValues(key, 1).get(0);
    }

    /** The records (headers too) published with this key so far, waiting up to 10 s for at least {@code count}. */
    public List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        Instant deadline = Instant.now().plusSeconds(10);
        List<ConsumerRecord<String, String>> records = records(key);
        while (records.size() < count && Instant.now().isBefore(deadline)) {
            poll(100);
            records = records(key);
        }
        if (records.size() < count) {
            throw new AssertionError("Expected " + count + " record(s) with key " + key + ", got " + records.size());
        }
        return records;
    }

    /** Everything read so far with this key, after polling once more for stragglers. */
    public List<String> values(String key) {
        return records(key).stream().map(ConsumerRecord::value).toList();
    }

    private List<ConsumerRecord<String, String>> records(String key) {
        poll(200);
        return seen.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Everything read so far, whatever its key, after polling once more for stragglers. */
    public List<String> values() {
        poll(200);
        return seen.stream().map(ConsumerRecord::value).toList();
    }

    private void poll(long millis) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(millis))) {
            seen.add(record);
            if (record.headers().lastHeader(TopicWriter.WRITTEN_BY_TEST) == null) {
                violations.addAll(EventContract.shared().violations(record.value()));
            }
        }
        if (!violations.isEmpty()) {
            throw new AssertionError("Published events break docs/contracts/asyncapi.yaml: " + violations);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
