-- Tracing (issue 18): the W3C trace context of the request that recorded an event, sent with it to Kafka as the
-- CloudEvents extension ce_traceparent. NULL when the request was not traced (tracing off) and for older events.
ALTER TABLE event_store ADD COLUMN IF NOT EXISTS trace_parent TEXT;
