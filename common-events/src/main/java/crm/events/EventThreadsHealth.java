package crm.events;

import crm.events.inbox.EventConsumer;
import crm.events.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Not live once the thread that publishes the outbox or the one that consumes events has died: a restart brings them back. */
@Liveness
@ApplicationScoped
public class EventThreadsHealth implements HealthCheck {
    private final OutboxRelay relay;
    private final EventConsumer consumer;

    public EventThreadsHealth(OutboxRelay relay, EventConsumer consumer) {
        this.relay = relay;
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Event relay and consumer threads")
                .status(relay.isHealthy() && consumer.isHealthy())
                .withData("relay", relay.isHealthy() ? "running" : "stopped")
                .withData("consumer", consumer.isHealthy() ? "running" : "stopped")
                .build();
    }
}
