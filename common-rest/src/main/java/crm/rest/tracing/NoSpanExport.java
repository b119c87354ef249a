package crm.rest.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Where spans go while no OTLP endpoint is configured: nowhere. Without it Quarkus's OTLP exporter would send
 * them to its default endpoint, {@value #QUARKUS_DEFAULT}, and log every failed attempt; Quarkus installs that
 * exporter only when the application has no span exporter of its own, and this one steps aside once
 * {@code quarkus.otel.exporter.otlp.endpoint} (or {@code quarkus.otel.exporter.otlp.traces.endpoint}) names
 * another. Spans and trace contexts are made and passed on all the same, so log lines and events carry trace
 * ids either way.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoSpanExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoSpanExport.QUARKUS_DEFAULT,
        lookupIfMissing = true)
public class NoSpanExport implements SpanExporter {
    /** The endpoint Quarkus gives {@code quarkus.otel.exporter.otlp.endpoint} when none is configured. */
    static final String QUARKUS_DEFAULT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
