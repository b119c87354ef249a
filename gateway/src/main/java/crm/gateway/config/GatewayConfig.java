package crm.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services behind the gateway and the path prefixes each one serves, and how the front door
 * authenticates callers and limits them (prefix {@code crm.gateway}).
 */
@ConfigMapping(prefix = "crm.gateway")
public interface GatewayConfig {

    /** By service name, e.g. {@code customer-service}. */
    Map<String, Backend> services();

    /** A service that sends no response data for this long answers 504. */
    @WithDefault("30s")
    Duration timeout();

    /** A service that does not accept the connection within this time answers 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How often each instance of each service is asked whether it is ready: one that is not gets no requests
     * until it is again (one that refuses a connection, at once).
     */
    @WithDefault("1s")
    Duration probeInterval();

    /**
     * How long a readiness probe may take before the instance is taken to be down. A busy instance answers its
     * probe late (its check waits for a database connection its requests hold): longer than a request's
     * connect timeout, so load alone does not take it out of the rotation.
     */
    @WithDefault("5s")
    Duration probeTimeout();

    Identity identity();

    ApiKeys apiKeys();

    RateLimits rateLimit();

    Card card();

    Privacy privacy();

    /** A customer's export and erasure, across the services. */
    interface Privacy {
        /** A service that has not told within this time whether it applied an erasure is shown as UNKNOWN. */
        @WithDefault("2s")
        Duration statusTimeout();

        /** Each service must start its part of an export within this time, or the export is 504. */
        @WithDefault("30s")
        Duration exportTimeout();
    }

    /** The front-desk card: one answer composed of each service's section. */
    interface Card {
        /** A service whose section has not come within this time is marked unavailable on the card. */
        @WithDefault("500ms")
        Duration sectionTimeout();

        /** The card lists at most this many actions, the highest priorities first. */
        @WithDefault("5")
        int maxActions();
    }

    /** The token the gateway signs for the services, naming the caller and their roles. */
    interface Identity {
        /** PKCS#8 PEM file of the RSA private key; the services verify with its public half. */
        Path privateKey();

        /** How long a signed token is valid; one is reused for a caller until a minute before it ends. */
        @WithDefault("5m")
        Duration tokenLifetime();
    }

    interface ApiKeys {
        /**
         * How often each instance reads the keys issued or revoked since its last look: a revoked
         * key stops working on every instance within this time.
         */
        @WithDefault("500ms")
        Duration refresh();

        /** How often the last use of each key is written down. */
        @WithDefault("10s")
        Duration lastUsedFlush();

        /** Where the first admin key is written (mode 600) when no admin key exists; none when unset. */
        Optional<Path> bootstrapFile();
    }

    /** A token bucket per caller: {@code default} unless one of the caller's roles has its own (the largest wins). */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        @WithName("default")
        Limit defaults();

        /** By role, e.g. {@code crm.gateway.rate-limit.roles.pos.per-second=200}. */
        Map<String, Limit> roles();
    }

    interface Limit {
        /** Requests a second, sustained. */
        @WithDefault("50")
        int perSecond();

        /** Requests that may come at once after a quiet spell. */
        @WithDefault("100")
        int burst();
    }

    interface Backend {
        /**
         * The base URL of each instance, comma-separated, e.g. {@code http://127.0.0.1:8081,http://127.0.0.1:8091};
         * plain HTTP inside the deployment. One URL behind which a load balancer stands (a Kubernetes Service) is
         * one instance to the gateway.
         */
        List<URI> urls();

        /** Path prefixes routed to this service, e.g. {@code /api/v1/customers}. */
        List<String> routes();
    }
}
