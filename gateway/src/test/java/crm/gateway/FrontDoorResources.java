package crm.gateway;

import crm.testing.IdentityKeys;
import crm.testing.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The gateway's own needs in a test: the throwaway database for its keys, the key pair it signs
 * callers with, where the first admin key goes, and limits small enough to reach.
 */
public class FrontDoorResources implements QuarkusTestResourceLifecycleManager {
    /** Written on the first start of each test JVM (its database is new); a fixed path, as test resources may load apart from the tests. */
    public static final Path ADMIN_KEY_FILE = Path.of("target/it-admin-key").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        TestDatabase db = TestDatabase.shared();
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "crm.gateway.identity.private-key", IdentityKeys.shared().privateKeyPem().toString(),
                "crm.gateway.api-keys.bootstrap-file", ADMIN_KEY_FILE.toString(),
                "crm.gateway.api-keys.last-used-flush", "200ms",
                "crm.gateway.rate-limit.roles.privacy-officer.per-second", "1",
                "crm.gateway.rate-limit.roles.privacy-officer.burst", "3",
                "quarkus.http.limits.max-body-size", "64K",
                // finished spans reach the tests' in-memory exporter within 100 ms, not the default 5 s
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
    }

    /** The secret in the first admin key's file. */
    public static String adminKey() {
        try {
            return Files.readString(ADMIN_KEY_FILE).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
