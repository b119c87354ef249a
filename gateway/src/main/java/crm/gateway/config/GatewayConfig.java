package crm.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The services behind the gateway and the path prefixes each one serves (prefix {@code crm.gateway}). */
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

    interface Backend {
        /** Base URL, e.g. {@code http://127.0.0.1:8081}; plain HTTP inside the deployment. */
        URI url();

        /** The port of {@link #url()}, 80 when it names none. */
        default int port() {
            return url().getPort() < 0 ? 80 : url().getPort();
        }

        /** Path prefixes routed to this service, e.g. {@code /api/v1/customers}. */
        List<String> routes();
    }
}
