package crm.gateway.proxy;

import crm.gateway.config.GatewayConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The instances of each service behind the gateway ({@code crm.gateway.services.NAME.urls}), and which of
 * them are ready. Requests go round-robin over the ready ones. Each instance is asked for its readiness
 * every {@code crm.gateway.probe-interval}; one that refuses a connection is skipped at once, until it
 * answers ready again. When none is ready, all are tried (the answer is then the service's own, or 503).
 */
@ApplicationScoped
public class Instances {
    private static final Logger LOG = Logger.getLogger(Instances.class);

    private final GatewayConfig config;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private HttpClient probes;
    private long timer = -1;

    public Instances(GatewayConfig config) {
        this.config = config;
        config.services().forEach((name, backend) ->
                services.put(name, new Service(name, backend.urls().stream().map(Instance::new).toList())));
    }

    /** One instance of a service: its address, and whether it is taken to be ready. */
    public static final class Instance {
        private final URI url;
        private final SocketAddress address;
        private volatile String state = "UP";
        /** A probe is on its way: the next waits for its answer rather than pile up behind it. */
        private final AtomicBoolean probing = new AtomicBoolean();

        Instance(URI url) {
            this.url = url;
            this.address = SocketAddress.inetSocketAddress(url.getPort() < 0 ? 80 : url.getPort(), url.getHost());
        }

        public URI url() {
            return url;
        }

        public SocketAddress address() {
            return address;
        }

        public boolean ready() {
            return "UP".equals(state);
        }

        /** "UP", or "DOWN: " and why. */
        public String state() {
            return state;
        }
    }

    /** A service's instances and where its round-robin stands. */
    public record Service(String name, List<Instance> instances, AtomicInteger turn) {
        Service(String name, List<Instance> instances) {
            this(name, instances, new AtomicInteger());
        }

        /** The next ready instance after the last one chosen; the next of all when none is ready. */
        public Instance next() {
            int start = Math.floorMod(turn.getAndIncrement(), instances.size());
            for (int i = 0; i < instances.size(); i++) {
                Instance candidate = instances.get((start + i) % instances.size());
                if (candidate.ready()) {
                    return candidate;
                }
            }
            return instances.get(start);
        }
    }

    public Service service(String name) {
        Service service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + " behind the gateway");
        }
        return service;
    }

    public Map<String, Service> services() {
        return services;
    }

    /**
     * Opens a request to an instance of {@code service}: if the instance refuses the connection (nothing was
     * sent), it is marked down and the request goes to another ready one, once.
     */
    public Future<HttpClientRequest> request(String service, Function<Instance, Future<HttpClientRequest>> open) {
        Service instances = service(service);
        Instance first = instances.next();
        return open.apply(first).recover(failure -> {
            if (!(failure instanceof ConnectException)) {
                return Future.failedFuture(failure);
            }
            down(instances, first, failure.getMessage());
            Instance second = instances.next();
            return second == first || !second.ready() ? Future.failedFuture(failure) : open.apply(second)
                    .onFailure(again -> {
                        if (again instanceof ConnectException) {
                            down(instances, second, again.getMessage());
                        }
                    });
        });
    }

    void start(@Observes StartupEvent start, Vertx vertx) {
        // A probe is no one's request: it makes no trace (one a second per instance would bury the real ones).
        probes = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setTracingPolicy(TracingPolicy.IGNORE));
        timer = vertx.setPeriodic(config.probeInterval().toMillis(), tick -> probeAll());
    }

    void stop(@Observes ShutdownEvent stop, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void probeAll() {
        services.values().forEach(service -> service.instances().forEach(instance -> probe(service, instance)));
    }

    private void probe(Service service, Instance instance) {
        if (!instance.probing.compareAndSet(false, true)) {
            return;
        }
        RequestOptions ready = new RequestOptions().setMethod(HttpMethod.GET).setServer(instance.address())
                .setHost(instance.url().getHost()).setPort(instance.address().port())
                .setURI("/q/health/ready").setTimeout(config.probeTimeout().toMillis());
        probes.request(ready).compose(request -> request.send().compose(response -> response.body()
                .map(body -> response.statusCode()))).onComplete(answer -> {
                    instance.probing.set(false);
                    if (answer.succeeded() && answer.result() == 200) {
                        up(service, instance);
                    } else {
                        down(service, instance, answer.succeeded() ? "answered " + answer.result()
                                : answer.cause().getMessage());
                    }
                });
    }

    private static void up(Service service, Instance instance) {
        if (!instance.ready()) {
            LOG.infof("%s at %s is ready again", service.name(), instance.url());
        }
        instance.state = "UP";
    }

    private static void down(Service service, Instance instance, String why) {
        if (instance.ready()) {
            LOG.warnf("%s at %s is not ready, skipped until it is: %s", service.name(), instance.url(), why);
        }
        instance.state = "DOWN: " + instance.url() + ": " + why;
    }
}
