-- The queue's shape (how many contacts wait, by RAG rating and agency) without counting 100,000 rows on
-- every request: at 100,000 waiting contacts the count took 22 ms and the grouped pass 55 ms
-- (docs/benchmarks.md). triage_queue's own triggers keep a tally of changes, in the transaction that
-- changes the queue, so the tally and the queue always agree.
--
-- The tally is a list of deltas (+1 a contact starts waiting under a rating and agency, -1 it stops),
-- summed when read. Appending never takes a lock another writer waits for (the projection's two
-- segments write at once); the projection folds the deltas into one row per rating and agency after
-- each batch, skipping rows another transaction is folding (TriageQueueProjection.FOLD_TALLY).
CREATE TABLE triage_queue_tally (
    -- '' while the contact is not yet assessed
    priority VARCHAR(8)  NOT NULL,
    agency   VARCHAR(64) NOT NULL,
    waiting  BIGINT      NOT NULL
);

CREATE FUNCTION triage_queue_tally_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally (priority, agency, waiting) VALUES (coalesce(OLD.priority, ''), OLD.agency, -1);
    END IF;
    IF NEW.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally (priority, agency, waiting) VALUES (coalesce(NEW.priority, ''), NEW.agency, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER triage_queue_tally_insert AFTER INSERT ON triage_queue
    FOR EACH ROW WHEN (NEW.status <> 'DECIDED') EXECUTE FUNCTION triage_queue_tally_row();

-- Only an update that moves a contact in or out of the waiting contacts, or to another rating or agency:
-- a claim, a proposal or a new due time changes no count and calls nothing.
CREATE TRIGGER triage_queue_tally_update AFTER UPDATE ON triage_queue
    FOR EACH ROW WHEN ((OLD.status = 'DECIDED') IS DISTINCT FROM (NEW.status = 'DECIDED')
                       OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.agency IS DISTINCT FROM NEW.agency)
    EXECUTE FUNCTION triage_queue_tally_row();

-- Deletes come whole (a rebuild empties the table): one statement-level pass over the deleted rows.
CREATE FUNCTION triage_queue_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triage_queue_tally (priority, agency, waiting)
    SELECT coalesce(priority, ''), agency, -count(*) FROM deleted WHERE status <> 'DECIDED' GROUP BY 1, 2;
    RETURN NULL;
END $$;

CREATE TRIGGER triage_queue_tally_delete AFTER DELETE ON triage_queue
    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION triage_queue_tally_deleted();

INSERT INTO triage_queue_tally (priority, agency, waiting)
SELECT coalesce(priority, ''), agency, count(*) FROM triage_queue WHERE status <> 'DECIDED' GROUP BY 1, 2;
