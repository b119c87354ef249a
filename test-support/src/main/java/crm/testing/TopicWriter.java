package crm.testing;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes raw records, as another service would, so consumers are tested against the wire format. */
public final class TopicWriter {
    /** A record header marking what a test wrote, so the event contract is checked on what services publish. */
    static final String WRITTEN_BY_TEST = "crm-test-writer";

    private TopicWriter() {
    }

    public static void send(String bootstrapServers, String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add(WRITTEN_BY_TEST, new byte[] {1});
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** A CustomerRegistered event as customer-service puts it on the wire. */
    public static String customerRegistered(String eventId, String customerId, String registeredAt) {
        return """
            {"specversion":"1.0","id":"%s","source":"/crm/customer-service","type":"crm.CustomerRegistered",
             "subject":"%s","time":"%s","datacontenttype":"application/json",
             "data":{"customerId":"%s","kind":"CONSUMER","registeredAt":"%s"}}"""
                .formatted(eventId, customerId, registeredAt, customerId, registeredAt);
    }

    /** Any CloudEvent as a service puts it on the wire: {@code type} without the {@code crm.} prefix, {@code data} as JSON. */
    public static String event(String eventId, String source, String type, String subject, String data) {
        return """
            {"specversion":"1.0","id":"%s","source":"%s","type":"crm.%s","subject":"%s",
             "time":"2026-11-03T08:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(eventId, source, type, subject, data);
    }
}
