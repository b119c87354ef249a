package crm.segmentation.rest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import crm.segmentation.service.LevelIndexes;
import crm.testing.CrmTestResources;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A close answers before its levels are indexed by customer; the index follows, and a broken one is rebuilt. */
@QuarkusTest
@WithTestResource(CrmTestResources.class)
class LevelIndexIT {

    @Inject
    AgroalDataSource db;

    @Inject
    LevelIndexes indexes;

    @Test
    void everyPartOfAClosedPeriodIsIndexedByCustomerAndAnIndexLeftInvalidIsRebuilt() throws Exception {
        List<UUID> customers = Ledger.knownCustomers(db, 10);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            sales.add(Ledger.sale(customers.get(i), "2007-06-10T10:00:00Z", (100 - i) + ".00"));
        }
        Ledger.record(sales);
        Ledger.close("2007-06");
        await().atMost(Duration.ofSeconds(30)).until(() -> customerIndexes("valid").size() == parts().size());
        assertEquals(2, parts().size(), "the ranked above the pivot, and the rest");
        UUID customer = customers.get(0);
        assertEquals("BIG", Ledger.level(customer, "2007-06"), "rank 1 of 10: within the first 5%");

        // An index build cut short leaves an invalid index behind: here, a unique one over a duplicated row.
        String part = query("SELECT tableoid::regclass::text FROM period_level WHERE period = '2007-06' AND customer_id = '"
                + customer + "'").get(0);
        execute("INSERT INTO " + part + " SELECT * FROM " + part + " WHERE customer_id = '" + customer + "'");
        execute("DROP INDEX " + part + "_customer");
        assertThrows(SQLException.class,
                () -> execute("CREATE UNIQUE INDEX CONCURRENTLY " + part + "_customer ON " + part + " (customer_id)"));
        execute("DELETE FROM " + part + " WHERE ctid = (SELECT max(ctid) FROM " + part + " WHERE customer_id = '"
                + customer + "')");
        assertEquals(List.of(part + "_customer"), customerIndexes("invalid"));

        indexes.buildMissing().get(60, TimeUnit.SECONDS);
        assertEquals(List.of(), customerIndexes("invalid"));
        assertEquals(parts().size(), customerIndexes("valid").size());
        assertEquals("BIG", Ledger.level(customer, "2007-06"));
    }

    /** The tables that hold the period's levels: the leaves of its partition. */
    private List<String> parts() throws SQLException {
        return query("SELECT relid::regclass::text FROM pg_partition_tree('period_level_2007_06') WHERE isleaf");
    }

    /** The names of the parts' indexes on the customer, "valid" or "invalid". */
    private List<String> customerIndexes(String which) throws SQLException {
        return query("""
                SELECT x.indexrelid::regclass::text FROM pg_partition_tree('period_level_2007_06') t
                JOIN pg_index x ON x.indrelid = t.relid
                JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0] AND a.attname = 'customer_id'
                WHERE t.isleaf AND x.indisvalid = %s ORDER BY 1""".formatted(which.equals("valid")));
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
