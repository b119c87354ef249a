package crm.segmentation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.segmentation.domain.LedgerTransaction;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The ledger's writes as set-based statements, each a fixed number of round trips whatever the
 * number of transactions, on the caller's transaction (the datasource hands every user of a
 * transaction the same connection). Each statement takes its row locks in a fixed key order and a
 * caller runs them in the order of this class (ledger keys, then period totals, then customers),
 * so concurrent writers wait for each other but never deadlock.
 */
@ApplicationScoped
public class LedgerStore {
    private final AgroalDataSource db;
    private final ObjectMapper json;

    public LedgerStore(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A customer's totals in one period to add: a refund counts no purchase and has no purchase time. */
    public record PeriodTotal(String period, UUID customerId, BigDecimal revenue, BigDecimal cost, int purchases,
            Instant lastPurchaseAt) {

        PeriodTotal plus(PeriodTotal other) {
            return new PeriodTotal(period, customerId, revenue.add(other.revenue), cost.add(other.cost),
                    purchases + other.purchases, lastPurchaseAt == null || other.lastPurchaseAt != null
                            && other.lastPurchaseAt.isAfter(lastPurchaseAt) ? other.lastPurchaseAt : lastPurchaseAt);
        }
    }

    /** The earliest and the latest sale of a customer among the ones to add. */
    public record Purchases(UUID customerId, Instant first, Instant last) {

        Purchases plus(Purchases other) {
            return new Purchases(customerId, first.isBefore(other.first) ? first : other.first,
                    last.isAfter(other.last) ? last : other.last);
        }
    }

    /**
     * Inserts the transactions of known customers whose key is not taken yet, in key order; a key
     * taken meanwhile by a concurrent writer is skipped, not an error. Returns the ids inserted.
     */
    public Set<UUID> insertNew(List<LedgerTransaction> transactions, Instant recordedAt) {
        List<LedgerTransaction> sorted = transactions.stream()
                .sorted(Comparator.comparing((LedgerTransaction t) -> t.source)
                        .thenComparing(t -> t.externalId))
                .toList();
        int n = sorted.size();
        UUID[] ids = new UUID[n];
        UUID[] customers = new UUID[n];
        Boolean[] refunds = new Boolean[n];
        String[][] text = new String[11][n];
        for (int i = 0; i < n; i++) {
            LedgerTransaction t = sorted.get(i);
            ids[i] = t.id;
            customers[i] = t.customerId;
            refunds[i] = t.refund;
            text[0][i] = t.source;
            text[1][i] = t.externalId;
            text[2][i] = t.occurredAt.toString();
            text[3][i] = t.store;
            text[4][i] = t.channel;
            text[5][i] = t.currency;
            text[6][i] = write(t.lines);
            text[7][i] = write(t.attributes);
            text[8][i] = t.revenue.toPlainString();
            text[9][i] = t.cost.toPlainString();
            text[10][i] = t.requestHash;
        }
        Set<UUID> inserted = new HashSet<>();
        run("""
                INSERT INTO ledger_transaction (id, source, external_id, customer_id, occurred_at, store, channel,
                    currency, refund, lines, attributes, revenue, cost, request_hash, recorded_at)
                SELECT i.id, i.source, i.external_id, i.customer_id, i.occurred_at::timestamptz, i.store, i.channel,
                    i.currency, i.refund, i.lines::jsonb, i.attributes::jsonb, i.revenue::numeric, i.cost::numeric,
                    i.request_hash, ?
                FROM unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                    AS i(id, customer_id, refund, source, external_id, occurred_at, store, channel, currency, lines,
                        attributes, revenue, cost, request_hash, n)
                WHERE EXISTS (SELECT FROM customer_segment c WHERE c.customer_id = i.customer_id)
                ORDER BY i.n
                ON CONFLICT (source, external_id) DO NOTHING
                RETURNING id""", (c, s) -> {
            s.setObject(1, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
            s.setArray(2, c.createArrayOf("uuid", ids));
            s.setArray(3, c.createArrayOf("uuid", customers));
            s.setArray(4, c.createArrayOf("bool", refunds));
            for (int column = 0; column < text.length; column++) {
                s.setArray(5 + column, c.createArrayOf("text", text[column]));
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        });
        return inserted;
    }

    /**
     * Adds to the customers' period totals (each at most once), in (period, customer) order, then
     * widens their first and last purchase, locking the customers in id order first: two
     * statements sent in one round trip, run one after the other.
     */
    public void addToTotals(Collection<PeriodTotal> totals, Collection<Purchases> purchases) {
        List<PeriodTotal> sorted = totals.stream()
                .sorted(Comparator.comparing(PeriodTotal::period).thenComparing(PeriodTotal::customerId))
                .toList();
        int n = sorted.size();
        String[] periods = new String[n];
        UUID[] customers = new UUID[n];
        String[] revenues = new String[n];
        String[] costs = new String[n];
        Integer[] counts = new Integer[n];
        String[] lastPurchases = new String[n];
        for (int i = 0; i < n; i++) {
            PeriodTotal t = sorted.get(i);
            periods[i] = t.period();
            customers[i] = t.customerId();
            revenues[i] = t.revenue().toPlainString();
            costs[i] = t.cost().toPlainString();
            counts[i] = t.purchases();
            lastPurchases[i] = t.lastPurchaseAt() == null ? null : t.lastPurchaseAt().toString();
        }
        UUID[] buyers = new UUID[purchases.size()];
        String[] firsts = new String[purchases.size()];
        String[] lasts = new String[purchases.size()];
        int i = 0;
        for (Purchases p : purchases) {
            buyers[i] = p.customerId();
            firsts[i] = p.first().toString();
            lasts[i++] = p.last().toString();
        }
        run("""
                INSERT INTO customer_period AS p (period, customer_id, revenue, cost, purchases, last_purchase_at)
                SELECT t.period, t.customer_id, t.revenue::numeric, t.cost::numeric, t.purchases,
                    t.last_purchase_at::timestamptz
                FROM unnest(?::text[], ?::uuid[], ?::text[], ?::text[], ?::int[], ?::text[]) WITH ORDINALITY
                    AS t(period, customer_id, revenue, cost, purchases, last_purchase_at, n)
                ORDER BY t.n
                ON CONFLICT (period, customer_id) DO UPDATE SET
                    revenue = p.revenue + EXCLUDED.revenue,
                    cost = p.cost + EXCLUDED.cost,
                    purchases = p.purchases + EXCLUDED.purchases,
                    last_purchase_at = greatest(p.last_purchase_at, EXCLUDED.last_purchase_at);
                WITH locked AS MATERIALIZED (
                    SELECT s.customer_id, x.first_at::timestamptz AS first_at, x.last_at::timestamptz AS last_at
                    FROM unnest(?::uuid[], ?::text[], ?::text[]) AS x(customer_id, first_at, last_at)
                    JOIN customer_segment s ON s.customer_id = x.customer_id
                    ORDER BY s.customer_id
                    FOR NO KEY UPDATE OF s
                )
                UPDATE customer_segment s SET
                    first_purchase_at = least(coalesce(s.first_purchase_at, l.first_at), l.first_at),
                    last_purchase_at = greatest(coalesce(s.last_purchase_at, l.last_at), l.last_at)
                FROM locked l
                WHERE s.customer_id = l.customer_id""", (c, s) -> {
            s.setArray(1, c.createArrayOf("text", periods));
            s.setArray(2, c.createArrayOf("uuid", customers));
            s.setArray(3, c.createArrayOf("text", revenues));
            s.setArray(4, c.createArrayOf("text", costs));
            s.setArray(5, c.createArrayOf("int4", counts));
            s.setArray(6, c.createArrayOf("text", lastPurchases));
            s.setArray(7, c.createArrayOf("uuid", buyers));
            s.setArray(8, c.createArrayOf("text", firsts));
            s.setArray(9, c.createArrayOf("text", lasts));
            s.execute();
        });
    }

    private interface Work {
        void run(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private void run(String sql, Work work) {
        try (Connection connection = db.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            work.run(connection, statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Ledger write failed: " + e.getMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value, e);
        }
    }
}
