-- Measured at 100,000 waiting contacts (docs/benchmarks.md, "Staff pages at 100,000 waiting contacts").
-- The queue's shape (counts by RAG rating, agencies waiting) and the duty board's queue health (by
-- RAG, age and lateness) are read from this index alone, without visiting the table's rows.
CREATE INDEX triage_queue_shape ON triage_queue (priority, agency) INCLUDE (received_at, response_due_at)
    WHERE status <> 'DECIDED';
-- The category filter: the census codes as an array, so "any of these codes" is an index lookup.
CREATE INDEX triage_queue_factors ON triage_queue USING gin (string_to_array(factors, ','))
    WHERE status <> 'DECIDED';
