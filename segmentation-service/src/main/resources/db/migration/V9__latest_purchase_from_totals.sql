-- A customer's latest purchase is read from their period totals (each period keeps its latest sale), so a
-- sale no longer writes the customer's row: only a customer's first sale, or an earlier one, does.
ALTER TABLE customer_segment DROP COLUMN last_purchase_at;
