package crm.segmentation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import crm.events.outbox.Outbox;
import crm.events.outbox.SetWrites;
import crm.segmentation.domain.LedgerTransaction;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The ledger's write: one statement, one round trip, whatever the number of transactions. Without a
 * caller's transaction it is a transaction of its own, committed in that same round trip; in one, it
 * is part of it (the datasource hands every user of a transaction the same connection). It
 * inserts the transactions whose key is not taken yet, of customers neither erased nor merged away here
 * (a merge or an erasure locks the ledger against this statement while it applies, see
 * {@link PrivacyStore#LOCK_LEDGER}), adds exactly those to their customers' month totals and first purchase,
 * makes a customer not heard of before known, unconfirmed, from that moment, and records the events (each
 * staged event belongs to its transaction). Every writer takes its row locks in the same order
 * (ledger keys, period totals by period and customer, customers by id, each sorted, the tables in
 * the statement's fixed order), so concurrent writers wait for each other but never deadlock.
 */
@ApplicationScoped
public class LedgerStore {
    private static final String RECORD = SetWrites.sql("""
            WITH input AS MATERIALIZED (
                SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    WITH ORDINALITY AS i(id, customer_id, refund, source, external_id, occurred_at, store, channel,
                        currency, lines, attributes, revenue, cost, request_hash, period, n)
            ),
            inserted AS (
                INSERT INTO ledger_transaction (id, source, external_id, customer_id, occurred_at, store, channel,
                    currency, refund, lines, attributes, revenue, cost, request_hash, recorded_at)
                SELECT i.id, i.source, i.external_id, i.customer_id, i.occurred_at::timestamptz, i.store, i.channel,
                    i.currency, i.refund, i.lines::jsonb, i.attributes::jsonb, i.revenue::numeric, i.cost::numeric,
                    i.request_hash, ?
                FROM input i
                WHERE NOT EXISTS (SELECT FROM customer_erasure e WHERE e.customer_id = i.customer_id)
                    AND NOT EXISTS (SELECT FROM customer_merge m WHERE m.duplicate_id = i.customer_id)
                ORDER BY i.n
                ON CONFLICT (source, external_id) DO NOTHING
                RETURNING id
            ),
            added AS MATERIALIZED (
                SELECT i.customer_id, i.refund, i.occurred_at::timestamptz AS occurred_at, i.revenue::numeric AS revenue,
                    i.cost::numeric AS cost, i.period
                FROM input i JOIN inserted USING (id)
            ),
            totals AS (
                INSERT INTO customer_period AS p (period, customer_id, revenue, cost, purchases, last_purchase_at)
                SELECT period, customer_id, sum(revenue), sum(cost), count(*) FILTER (WHERE NOT refund),
                    max(occurred_at) FILTER (WHERE NOT refund)
                FROM added
                GROUP BY period, customer_id
                ORDER BY period, customer_id
                ON CONFLICT (period, customer_id) DO UPDATE SET
                    revenue = p.revenue + EXCLUDED.revenue,
                    cost = p.cost + EXCLUDED.cost,
                    purchases = p.purchases + EXCLUDED.purchases,
                    last_purchase_at = greatest(p.last_purchase_at, EXCLUDED.last_purchase_at)
            ),
            buyers AS (
                INSERT INTO customer_segment AS s (customer_id, registered_at, unconfirmed_since, first_purchase_at)
                SELECT b.customer_id, ?, ?, b.first_at
                FROM (SELECT customer_id, min(occurred_at) FILTER (WHERE NOT refund) AS first_at
                      FROM added GROUP BY customer_id) b
                LEFT JOIN customer_segment known ON known.customer_id = b.customer_id
                WHERE known.customer_id IS NULL OR known.first_purchase_at > b.first_at
                    OR (known.first_purchase_at IS NULL AND b.first_at IS NOT NULL)
                ORDER BY b.customer_id
                ON CONFLICT (customer_id) DO UPDATE SET first_purchase_at = least(s.first_purchase_at, EXCLUDED.first_purchase_at)
            ),
            events AS (%s)
            SELECT id FROM inserted""".formatted(Outbox.Staged.insertSql("SELECT id FROM inserted")));

    private final AgroalDataSource db;
    private final ObjectMapper json;
    /** The months whose partition of customer_period is known to exist. */
    private final Set<String> partitions = ConcurrentHashMap.newKeySet();

    public LedgerStore(AgroalDataSource db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Records the transactions that are new, with their events: a key taken before, or meanwhile
     * by a concurrent writer, is skipped, not an error. {@code month} names the month a
     * transaction counts in. Returns the ids recorded.
     */
    public Set<UUID> record(List<LedgerTransaction> transactions, Function<LedgerTransaction, String> month,
            Outbox.Staged events, Instant recordedAt) {
        List<LedgerTransaction> sorted = transactions.stream()
                .sorted(Comparator.comparing((LedgerTransaction t) -> t.source)
                        .thenComparing(t -> t.externalId))
                .toList();
        int n = sorted.size();
        UUID[] ids = new UUID[n];
        UUID[] customers = new UUID[n];
        Boolean[] refunds = new Boolean[n];
        String[][] text = new String[12][n];
        Set<String> needed = new HashSet<>();
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
            text[11][i] = month.apply(t);
            needed.add(text[11][i]);
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(RECORD)) {
            addPartitions(c, needed);
            s.setArray(1, c.createArrayOf("uuid", ids));
            s.setArray(2, c.createArrayOf("uuid", customers));
            s.setObject(3, refunds);
            for (int column = 0; column < text.length; column++) {
                s.setObject(4 + column, text[column]);
            }
            OffsetDateTime at = OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC);
            s.setObject(4 + text.length, at); // recorded_at
            s.setObject(5 + text.length, at); // a new customer's registered_at ...
            s.setObject(6 + text.length, at); // ... and unconfirmed_since
            events.bind(c, s, 7 + text.length);
            Set<UUID> recorded = SetWrites.ids(s);
            events.written();
            return recorded;
        } catch (SQLException e) {
            throw new IllegalStateException("Ledger write failed: " + e.getMessage(), e);
        }
    }

    /** Adds the partitions of customer_period that the months need, once each (see V7__customer_period_partitions.sql). */
    private void addPartitions(Connection c, Set<String> months) throws SQLException {
        for (String month : months) {
            if (!partitions.contains(month)) {
                try (PreparedStatement add = c.prepareStatement("SELECT customer_period_partition(?)")) {
                    add.setString(1, month);
                    add.execute();
                }
                // Known to others once committed: at once without a caller's transaction.
                if (c.getAutoCommit()) {
                    partitions.add(month);
                }
            }
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
