package crm.events;

/**
 * A W3C trace context as events carry it: the CloudEvents distributed-tracing extension's {@code traceparent}
 * and {@code tracestate} attributes (the latter usually null); {@link #NONE} when nothing was traced.
 */
public record TraceContext(String traceparent, String tracestate) {
    public static final TraceContext NONE = new TraceContext(null, null);
}
