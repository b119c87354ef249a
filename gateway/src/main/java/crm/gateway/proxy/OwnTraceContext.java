package crm.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Collection;

/**
 * Hands the service the gateway's own trace context, not the caller's: Quarkus traces the proxy's HTTP client
 * and writes the context of its span (a child of the gateway's server span, which continues the caller's
 * trace) into the request, so the caller's headers of the same names must not go along as second values.
 */
final class OwnTraceContext implements ProxyInterceptor {
    private final Collection<String> headers;

    /** {@code headers}: the names the configured propagators write (traceparent, tracestate, baggage). */
    OwnTraceContext(Collection<String> headers) {
        this.headers = headers;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        headers.forEach(context.request().headers()::remove);
        return context.sendRequest();
    }
}
