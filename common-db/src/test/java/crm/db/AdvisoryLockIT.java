package crm.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import crm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The shared advisory lock against PostgreSQL: held to the end of a transaction, or on a session until closed. */
class AdvisoryLockIT {
    private static final AdvisoryLock CLOSE = AdvisoryLock.of("period-close", "2026-10");

    @Test
    void aLockHeldUntilCommitMakesAnotherTransactionWaitAndTryingItAnswersFalseAtOnce() throws Exception {
        try (Connection first = transaction(); Connection second = transaction()) {
            CLOSE.holdUntilCommit(first);
            assertFalse(tryUntilCommit(second, CLOSE));
            CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
                long started = System.nanoTime();
                try {
                    CLOSE.holdUntilCommit(second);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            });
            Thread.sleep(300);
            assertFalse(waited.isDone());
            first.commit();
            assertTrue(waited.get(10, TimeUnit.SECONDS) >= 300);
            second.commit();
        }
    }

    @Test
    void locksOfOtherNamesDoNotMeet() throws Exception {
        try (Connection first = transaction(); Connection second = transaction()) {
            CLOSE.holdUntilCommit(first);
            assertTrue(tryUntilCommit(second, AdvisoryLock.of("period-close", "2026-11")));
            assertTrue(tryUntilCommit(second, AdvisoryLock.of("rfm-cut", "2026-10")));
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void aSessionLockIsHeldAcrossTransactionsUntilItIsClosed() throws Exception {
        AdvisoryLock building = new AdvisoryLock("segmentation:period-level-indexes");
        try (Connection holder = connection(); Connection other = connection()) {
            Optional<AdvisoryLock.Held> held = building.tryOnSession(holder);
            assertTrue(held.isPresent());
            assertEquals(Optional.empty(), building.tryOnSession(other));
            held.get().close();
            try (AdvisoryLock.Held taken = building.tryOnSession(other).orElseThrow()) {
                assertTrue(building.tryOnSession(holder).isEmpty());
            }
        }
    }

    private static boolean tryUntilCommit(Connection c, AdvisoryLock lock) throws SQLException {
        try (var s = c.prepareStatement(AdvisoryLock.TRY_UNTIL_COMMIT)) {
            s.setString(1, lock.name());
            try (var r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static Connection transaction() throws SQLException {
        Connection c = connection();
        c.setAutoCommit(false);
        return c;
    }

    private static Connection connection() throws SQLException {
        TestDatabase db = TestDatabase.shared();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }
}
