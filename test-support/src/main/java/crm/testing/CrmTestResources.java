package crm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real Kafka broker and the throwaway PostgreSQL database
 * of this test JVM, and has it verify tokens with the public key of {@link IdentityKeys#shared()}.
 * All start once and serve every test class. Finished spans reach an exporter within 100 ms, so a test
 * that reads them from an in-memory exporter need not wait the default 5 s.
 */
public class CrmTestResources implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaBroker kafka = KafkaBroker.shared();
        TestDatabase db = TestDatabase.shared();
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "mp.jwt.verify.publickey.location", IdentityKeys.shared().publicKeyPem().toString(),
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        // The broker and the database live until the JVM exits; other test classes reuse them.
    }
}
