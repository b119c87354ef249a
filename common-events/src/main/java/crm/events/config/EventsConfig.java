package crm.events.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How a service publishes and consumes events (prefix {@code crm.events}). */
@ConfigMapping(prefix = "crm.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of the events this service publishes, e.g. {@code /crm/customer-service}. */
    String source();

    /** Kafka consumer group of this service; also the consumer name in its processed-event table. */
    String consumerGroup();

    /** Partitions of a topic this service creates at start-up if it is missing. */
    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();

    /** The relay publishes right after each commit; this is its sweep for anything missed. */
    @WithDefault("1s")
    Duration relayInterval();

    @WithDefault("500")
    int relayBatchSize();

    /** Longest a relay transaction may take: one outbox row of a bulk change may hold a million events. */
    @WithDefault("15m")
    Duration relayTimeout();

    /** How long published outbox rows and processed-event ids are kept. */
    @WithDefault("P14D")
    Duration retention();

    /** Attempts at applying one event before it goes to the failed_event table. */
    @WithDefault("5")
    int maxAttempts();

    /** Pause before retrying after Kafka or a handler failed. */
    @WithDefault("2s")
    Duration retryBackoff();
}
