package crm.gateway.proxy;

import crm.gateway.config.GatewayConfig;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Routes each configured path prefix to its service with Vert.x's streaming reverse proxy: status,
 * headers and bodies pass through as they are, never re-serialised. Each request goes to the next ready
 * instance of the service ({@link Instances}). An idempotent request whose
 * connection the service closed before answering is sent once more ({@link RetryOnClosedConnection}). The
 * service gets the trace context of the gateway's span for the request ({@link OwnTraceContext}).
 */
@ApplicationScoped
public class ServiceRoutes {
    private static final Logger LOG = Logger.getLogger(ServiceRoutes.class);
    /** Paths under a service's prefix that the gateway serves itself. */
    private static final Pattern GATEWAY_OWN = Pattern.compile("/api/v1/customers/[^/]+/(card|export)/?");

    private final GatewayConfig config;
    private final Instances instances;
    private final OpenTelemetry telemetry;

    public ServiceRoutes(GatewayConfig config, Instances instances, OpenTelemetry telemetry) {
        this.config = config;
        this.instances = instances;
        this.telemetry = telemetry;
    }

    void register(@Observes Router router, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true));
        config.services().forEach((name, backend) -> {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, httpClient) -> instances.request(name, instance ->
                            httpClient.request(new RequestOptions()
                                    .setServer(instance.address())
                                    .setTimeout(config.timeout().toMillis()))))
                    .addInterceptor(new ProblemOnFailure(name))
                    .addInterceptor(new RetryOnClosedConnection(name))
                    .addInterceptor(new OwnTraceContext(telemetry.getPropagators().getTextMapPropagator().fields()));
            ProxyHandler handler = ProxyHandler.create(proxy);
            for (String prefix : backend.routes()) {
                // A path the gateway answers itself (the card, the export) goes on to its own resources.
                router.route(prefix + "/*").handler(ctx -> {
                    if (GATEWAY_OWN.matcher(ctx.normalizedPath()).matches()) {
                        ctx.next();
                    } else {
                        handler.handle(ctx);
                    }
                });
                LOG.infof("Routing %s/** to %s at %s", prefix, name, backend.urls());
            }
        });
    }
}
