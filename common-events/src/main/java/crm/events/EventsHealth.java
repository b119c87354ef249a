package crm.events;

import crm.events.inbox.EventConsumer;
import crm.events.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * How the service's events are doing, in readiness's details without ever making it fail: a service
 * serves requests while the broker is down (the outbox holds the events), so an orchestrator must not
 * take it out of rotation for that. Readiness itself is the database's check.
 */
@Readiness
@ApplicationScoped
public class EventsHealth implements HealthCheck {
    private final OutboxRelay relay;
    private final EventConsumer consumer;
    private final KafkaClients kafka;
    private final EventBacklog backlog;

    public EventsHealth(OutboxRelay relay, EventConsumer consumer, KafkaClients kafka, EventBacklog backlog) {
        this.relay = relay;
        this.consumer = consumer;
        this.kafka = kafka;
        this.backlog = backlog;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Events").up()
                .withData("broker", kafka.brokerReachable() ? "reachable" : "unreachable")
                .withData("relay", relay.isHealthy() ? "running" : "stopped")
                .withData("consumer", !consumer.isConsuming() ? "none" : consumer.isHealthy() ? "running" : "stopped");
        if (consumer.isConsuming()) {
            response.withData("consumerLag", consumer.lag());
        }
        try {
            EventBacklog.Figures figures = backlog.figures();
            response.withData("outboxLagSeconds", Math.round(figures.outboxLagSeconds()))
                    .withData("refusedEvents", figures.refused())
                    .withData("failedEvents", figures.failed());
        } catch (RuntimeException e) {
            response.withData("backlog", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
