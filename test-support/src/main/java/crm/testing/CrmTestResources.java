package crm.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real Kafka broker and the throwaway PostgreSQL database
 * of this test JVM, and has it verify tokens with the public key of {@link IdentityKeys#shared()}.
 * All start once and serve every test class.
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
                "mp.jwt.verify.publickey.location", IdentityKeys.shared().publicKeyPem().toString());
    }

    @Override
    public void stop() {
        // The broker and the database live until the JVM exits; other test classes reuse them.
    }
}
