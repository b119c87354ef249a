package crm.events;

import crm.events.inbox.EventConsumer;
import crm.events.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready if the thread that publishes the outbox or the one that consumes events has died. */
@Readiness
@ApplicationScoped
public class EventsHealth implements HealthCheck {
    private final OutboxRelay relay;
    private final EventConsumer consumer;

    public EventsHealth(OutboxRelay relay, EventConsumer consumer) {
        this.relay = relay;
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Event relay and consumer")
                .status(relay.isHealthy() && consumer.isHealthy())
                .withData("relay", relay.isHealthy() ? "running" : "stopped")
                .withData("consumer", consumer.isHealthy() ? "running" : "stopped")
                .build();
    }
}
