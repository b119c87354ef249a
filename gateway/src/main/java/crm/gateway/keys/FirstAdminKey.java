package crm.gateway.keys;

import crm.rest.Roles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The first admin key of a new installation: issued at start when no admin key is active, its
 * secret written only to a file readable by its owner alone ({@code bin/crm up} prints it once).
 */
final class FirstAdminKey {
    private static final Logger LOG = Logger.getLogger(FirstAdminKey.class);

    private FirstAdminKey() {
    }

    static void issueIfNone(ApiKeys keys, ApiKeyStore store, Path file) {
        try {
            // One instance issues it: the check and the insert hold the lock on changes.
            ApiKeys.IssuedKey issued = store.changing(c -> {
                if (store.activeAdminExists(c)) {
                    return null;
                }
                ApiKeys.IssuedKey key = keys.insert(c, new ApiKeys.NewKey("first admin key", List.of(Roles.ADMIN),
                        null, null, null), "bootstrap");
                write(file, key.secret());
                return key;
            });
            if (issued != null) {
                keys.remember(issued.key());
                LOG.infof("Issued the first admin key %s; its secret is in %s", issued.key().prefix(), file);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue the first admin key", e);
        }
    }

    private static void write(Path file, String secret) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, ".admin-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(partial, secret + "\n");
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the first admin key to " + file, e);
        }
    }
}
