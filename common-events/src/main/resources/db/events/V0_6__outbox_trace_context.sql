-- The W3C trace context (traceparent, tracestate) the row's events were created in: the relay sends it with
-- each of them (the CloudEvents traceparent extension, and Kafka headers), a bulk row's events too, so the
-- consumers' spans join the trace of the request that wrote the row. Null for rows written before.
ALTER TABLE outbox_event ADD COLUMN traceparent text, ADD COLUMN tracestate text;
