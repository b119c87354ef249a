package crm.events;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries a trace across Kafka, one span per hop: where events are created, a producer span (a child of the
 * request or event being handled) whose W3C context the outbox row and each of its events keep; where an
 * event is applied, a consumer span that is a child of that context, so the consumer's effect is part of the
 * trace of the request that caused it. A child rather than a link because each event is applied on its own,
 * at most once, as a consequence of one producer. A set-aside event replayed by an admin is part of the
 * admin's request instead, with a link to the trace it came from. The relay makes no spans: its hot loop
 * only copies the stored context. Attributes hold topics, types and ids, never a payload.
 */
@ApplicationScoped
public class EventTracing {
    private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");
    private static final AttributeKey<String> BULK_SOURCE = AttributeKey.stringKey("crm.outbox.bulk_source");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private final Tracer tracer;

    public EventTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The context {@code count} events of {@code type} are created in (a producer span, ended at once). */
    public TraceContext created(EventType<?> type, int count) {
        return created(producer(type).setAttribute(BATCH_COUNT, (long) count));
    }

    /** The context a bulk change's events are created in, all of them read later by {@code source}. */
    public TraceContext createdInBulk(EventType<?> type, String source) {
        return created(producer(type).setAttribute(BULK_SOURCE, source));
    }

    private SpanBuilder producer(EventType<?> type) {
        return tracer.spanBuilder("create " + type.topic())
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "create")
                .setAttribute(DESTINATION, type.topic())
                .setAttribute(EVENT_TYPE, type.name());
    }

    private static TraceContext created(SpanBuilder producer) {
        Span span = producer.startSpan();
        try {
            Map<String, String> carrier = new HashMap<>(2);
            W3C.inject(Context.root().with(span), carrier, Map::put);
            return carrier.isEmpty() ? TraceContext.NONE
                    : new TraceContext(carrier.get("traceparent"), carrier.get("tracestate"));
        } finally {
            span.end();
        }
    }

    /**
     * Runs {@code work}, the effect of {@code event} (from {@code topic}) in consumer group {@code group}, in a
     * consumer span; log lines written meanwhile carry its trace id.
     */
    public <T> T process(CloudEvent event, String topic, String group, Supplier<T> work) {
        Context producer = W3C.extract(Context.root(), event, EVENT_ATTRIBUTES);
        SpanBuilder consumer = tracer.spanBuilder("process " + topic)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(OPERATION, "process")
                .setAttribute(DESTINATION, topic)
                .setAttribute(CONSUMER_GROUP, group)
                .setAttribute(MESSAGE_ID, event.id())
                .setAttribute(EVENT_ID, event.id())
                .setAttribute(EVENT_TYPE, event.type());
        if (Span.current().getSpanContext().isValid()) {
            SpanContext origin = Span.fromContext(producer).getSpanContext();
            if (origin.isValid()) {
                consumer.addLink(origin);
            }
        } else {
            consumer.setParent(producer);
        }
        Span span = consumer.startSpan();
        try (Scope scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            // The exception's type only: its message may quote what the event or the database held.
            span.setStatus(StatusCode.ERROR);
            span.setAttribute(ERROR_TYPE, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }

    private static final TextMapGetter<CloudEvent> EVENT_ATTRIBUTES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(CloudEvent event) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(CloudEvent event, String key) {
            if (event == null) {
                return null;
            }
            return switch (key) {
                case "traceparent" -> event.traceparent();
                case "tracestate" -> event.tracestate();
                default -> null;
            };
        }
    };
}
