package crm.events;

import crm.events.inbox.EventConsumer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.function.ToDoubleFunction;

/**
 * Gauges at /q/metrics: crm_events_outbox_lag_seconds (age of the oldest event not yet published),
 * crm_events_outbox_refused (events the broker refused, set aside), crm_events_consumer_failed
 * (events a consumer set aside) and crm_events_consumer_lag (records not yet consumed).
 */
@ApplicationScoped
public class EventsMetrics {

    void register(@Observes StartupEvent startup, MeterRegistry registry, EventBacklog backlog, EventConsumer consumer) {
        gauge(registry, "crm.events.outbox.lag", "seconds", "Age of the oldest event not yet published", backlog,
                b -> b.figures().outboxLagSeconds());
        gauge(registry, "crm.events.outbox.refused", null, "Events the broker refused for good, set aside", backlog,
                b -> b.figures().refused());
        gauge(registry, "crm.events.consumer.failed", null, "Events a consumer could not apply, set aside", backlog,
                b -> b.figures().failed());
        gauge(registry, "crm.events.consumer.lag", null, "Records not yet consumed on the partitions assigned here",
                consumer, c -> c.lag() < 0 ? Double.NaN : c.lag());
    }

    private static <T> void gauge(MeterRegistry registry, String name, String unit, String description, T source,
            ToDoubleFunction<T> value) {
        Gauge.builder(name, source, s -> {
            try {
                return value.applyAsDouble(s);
            } catch (RuntimeException e) {
                return Double.NaN; // the database is out of reach: the figure is unknown, not zero
            }
        }).baseUnit(unit).description(description).strongReference(true).register(registry);
    }
}
