package crm.segmentation.service;

import crm.db.AdvisoryLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The index over customers of each part of period_level (V10__level_index_per_part.sql). A first
 * close writes its levels without it and answers once they are committed; the index follows a
 * moment later, built concurrently, so the period's levels can be read and recomputed meanwhile
 * (a read finds them by scanning until then). A part left without a valid index, because the
 * service stopped or a build failed, is indexed at the next start or close.
 */
@ApplicationScoped
public class LevelIndexes {
    private static final Logger LOG = Logger.getLogger(LevelIndexes.class);
    /**
     * One builder at a time across instances of the service: one could otherwise drop another's build in
     * progress. Another instance does not wait for it (a waiting session's snapshot would hold up the
     * holder's concurrent build): the holder builds until no part is left without an index.
     */
    private static final AdvisoryLock BUILDING = new AdvisoryLock("segmentation:period-level-indexes");
    /** Rounds of building before the holder leaves what is still missing (a build that keeps failing) to the next try. */
    private static final int ROUNDS = 3;

    private final AgroalDataSource db;
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "level-indexes");
        thread.setDaemon(true);
        return thread;
    });

    public LevelIndexes(AgroalDataSource db) {
        this.db = db;
    }

    void onStart(@Observes StartupEvent start) {
        buildMissing();
    }

    @PreDestroy
    void stop() {
        builder.shutdownNow();
    }

    /** Builds, in the background, the index of every part that has no valid one; completes when they are built. */
    public CompletableFuture<Void> buildMissing() {
        return CompletableFuture.runAsync(() -> {
            try {
                build();
            } catch (SQLException e) {
                LOG.warnf("Indexing the levels' parts failed; the next close or start tries again: %s", e.getMessage());
                throw new IllegalStateException(e);
            }
        }, builder);
    }

    private void build() throws SQLException {
        // Concurrent index builds run outside any transaction: the connection stays in autocommit.
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            Optional<AdvisoryLock.Held> building = BUILDING.tryOnSession(c);
            if (building.isEmpty()) {
                return;
            }
            try (AdvisoryLock.Held held = building.get()) {
                for (int round = 0; round < ROUNDS; round++) {
                    // A build that was cut short leaves an invalid index behind; it goes before the build again.
                    for (String invalid : names(s, """
                            SELECT format('%I', i.relname) FROM pg_partition_tree('period_level') t
                            JOIN pg_index x ON x.indrelid = t.relid JOIN pg_class i ON i.oid = x.indexrelid
                            WHERE t.isleaf AND NOT x.indisvalid""")) {
                        s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + invalid);
                    }
                    List<String[]> missing = parts(s);
                    if (missing.isEmpty()) {
                        return;
                    }
                    for (String[] part : missing) {
                        s.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS " + part[1] + " ON " + part[0] + " (customer_id)");
                    }
                }
            }
        }
    }

    /** The parts without an index on the customer: the table's name, and its index's. */
    private static List<String[]> parts(Statement s) throws SQLException {
        List<String[]> parts = new ArrayList<>();
        try (ResultSet r = s.executeQuery("""
                SELECT format('%I', c.relname), format('%I', c.relname || '_customer')
                FROM pg_partition_tree('period_level') t JOIN pg_class c ON c.oid = t.relid
                WHERE t.isleaf AND NOT EXISTS (
                    SELECT FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0]
                    WHERE x.indrelid = t.relid AND a.attname = 'customer_id')""")) {
            while (r.next()) {
                parts.add(new String[] {r.getString(1), r.getString(2)});
            }
        }
        return parts;
    }

    private static List<String> names(Statement s, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }
}
