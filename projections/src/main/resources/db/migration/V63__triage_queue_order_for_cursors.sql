-- The queue's order as an index a page can start in the middle of (issue 14): page 1,000 of 50 walked 50,000 entries
-- of triage_queue_waiting (22 ms at the median at 100,000 waiting contacts, docs/benchmarks.md). A page that starts
-- just after a given contact (or ends just before one) is found with one comparison of the whole sort key,
-- (urgency_rank, due, received_at, contact_id) > (...), which PostgreSQL turns into the start of an index range, but
-- only if no part of the key is null: a contact not yet assessed has no response due (NULLS LAST in the order), and a
-- comparison with a null is neither true nor false. So the index holds the due time with "never" as infinity, which
-- sorts where NULLS LAST did: the same order as before, row for row. The due time itself is included, so a page's ids
-- are still read from the index alone.
CREATE INDEX triage_queue_waiting_order ON triage_queue
    (urgency_rank, (coalesce(response_due_at, 'infinity'::timestamptz)), received_at, contact_id)
    INCLUDE (response_due_at) WHERE status <> 'DECIDED';
DROP INDEX triage_queue_waiting;
