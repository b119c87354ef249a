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

    /**
     * How long the producer keeps trying to deliver an event (its {@code delivery.timeout.ms}): the
     * relay waits that long for a send before it reads the row again, so a broker outage shorter than
     * this publishes each event once.
     */
    @WithDefault("2m")
    Duration deliveryTimeout();

    /** Attempts at applying one event that fails for a reason other than the database before it goes to failed_event. */
    @WithDefault("5")
    int maxAttempts();

    /**
     * How long a consumer retries an event it could not apply because of the database (connection lost,
     * deadlock, lock timeout) before it goes to failed_event; its partition waits meanwhile, so one
     * customer's events keep their order.
     */
    @WithDefault("6h")
    Duration retryFor();

    /** Pause before retrying after Kafka or a handler failed; it doubles with each retry of one event. */
    @WithDefault("2s")
    Duration retryBackoff();

    /** The longest pause between two retries of one event. */
    @WithDefault("5m")
    Duration maxRetryBackoff();
}
