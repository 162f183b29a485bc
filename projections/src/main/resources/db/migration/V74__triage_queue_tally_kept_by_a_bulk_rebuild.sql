-- A rebuild in bulk (BulkReplay: a page of thousands of events in one transaction) writes each contact's row once a
-- page and works out the page's change to the tally itself, from the rows as they were before the page and as it
-- writes them; it adds that change to the totals in the same transaction. Its row changes must then not append deltas
-- as well: the row triggers (V22, V57) stand aside while the transaction's own setting says so. Nothing else sets it,
-- so every other change of the queue (the live processors', a rebuild replayed by Axon's processor) keeps its
-- triggers exactly as before. Deletions (an erasure's, a reset's) keep theirs in every case: a bulk page deletes after
-- writing its rows, so its trigger takes away exactly what the page's change added.
DROP TRIGGER triage_queue_tally_insert ON triage_queue;
CREATE TRIGGER triage_queue_tally_insert AFTER INSERT ON triage_queue
    FOR EACH ROW WHEN (NEW.status <> 'DECIDED'
                       AND current_setting('frontdoor.triage_queue_tally', true) IS DISTINCT FROM 'bulk')
    EXECUTE FUNCTION triage_queue_tally_row();

DROP TRIGGER triage_queue_tally_update ON triage_queue;
CREATE TRIGGER triage_queue_tally_update AFTER UPDATE ON triage_queue
    FOR EACH ROW WHEN (((OLD.status = 'DECIDED') IS DISTINCT FROM (NEW.status = 'DECIDED')
                        OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.agency IS DISTINCT FROM NEW.agency
                        OR (OLD.claimed_by IS NULL) IS DISTINCT FROM (NEW.claimed_by IS NULL)
                        OR OLD.factors IS DISTINCT FROM NEW.factors)
                       AND current_setting('frontdoor.triage_queue_tally', true) IS DISTINCT FROM 'bulk')
    EXECUTE FUNCTION triage_queue_tally_row();
