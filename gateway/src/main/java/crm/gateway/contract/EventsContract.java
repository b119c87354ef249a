package crm.gateway.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the AsyncAPI document of the events (docs/contracts/asyncapi.yaml, copied in at build) at
 * {@code /asyncapi.yaml}, open like {@code /q/openapi}: it describes the topics, not their data.
 */
@ApplicationScoped
public class EventsContract {
    static final String PATH = "/asyncapi.yaml";
    private static final String RESOURCE = "contracts/asyncapi.yaml";

    void register(@Observes Router router) {
        Buffer document = Buffer.buffer(read());
        router.get(PATH).handler(ctx -> ctx.response().putHeader("content-type", "application/yaml").end(document));
    }

    private static byte[] read() {
        try (InputStream in = EventsContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the build copies docs/contracts/asyncapi.yaml");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
