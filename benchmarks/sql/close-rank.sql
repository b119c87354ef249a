-- bin/crm bench close's baseline: the plain SQL that ranks October's customers straight from the ledger.
SELECT count(*) FROM (SELECT customer_id, row_number() OVER (ORDER BY sum(revenue) DESC, customer_id)
    FROM segmentation.ledger_transaction WHERE occurred_at >= '2026-10-01 00:00+08' AND occurred_at < '2026-11-01 00:00+08'
    GROUP BY customer_id) r;
