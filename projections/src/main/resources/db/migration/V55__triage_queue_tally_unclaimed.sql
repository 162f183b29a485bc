-- "Unclaimed" is the filter a screening team uses most, and it was the slowest to count: at 100,000 waiting
-- contacts, one agency's unclaimed contacts (16,700) took 204 ms at the median to count after a full page
-- (docs/benchmarks.md, "The queue and the chronology at 100,000 open contacts"). The tally (V22) now also keeps,
-- for each rating and agency, how many of the waiting contacts nobody has claimed; a claim or its release
-- appends a delta like any other change of the waiting contacts, still one row per rating and agency once folded.
ALTER TABLE triage_queue_tally ADD COLUMN unclaimed BIGINT NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION triage_queue_tally_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally (priority, agency, waiting, unclaimed)
        VALUES (coalesce(OLD.priority, ''), OLD.agency, -1, CASE WHEN OLD.claimed_by IS NULL THEN -1 ELSE 0 END);
    END IF;
    IF NEW.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally (priority, agency, waiting, unclaimed)
        VALUES (coalesce(NEW.priority, ''), NEW.agency, 1, CASE WHEN NEW.claimed_by IS NULL THEN 1 ELSE 0 END);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER triage_queue_tally_update ON triage_queue;
CREATE TRIGGER triage_queue_tally_update AFTER UPDATE ON triage_queue
    FOR EACH ROW WHEN ((OLD.status = 'DECIDED') IS DISTINCT FROM (NEW.status = 'DECIDED')
                       OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.agency IS DISTINCT FROM NEW.agency
                       OR (OLD.claimed_by IS NULL) IS DISTINCT FROM (NEW.claimed_by IS NULL))
    EXECUTE FUNCTION triage_queue_tally_row();

CREATE OR REPLACE FUNCTION triage_queue_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triage_queue_tally (priority, agency, waiting, unclaimed)
    SELECT coalesce(priority, ''), agency, -count(*), -count(*) FILTER (WHERE claimed_by IS NULL)
      FROM deleted WHERE status <> 'DECIDED' GROUP BY 1, 2;
    RETURN NULL;
END $$;

DELETE FROM triage_queue_tally;
INSERT INTO triage_queue_tally (priority, agency, waiting, unclaimed)
SELECT coalesce(priority, ''), agency, count(*), count(*) FILTER (WHERE claimed_by IS NULL)
  FROM triage_queue WHERE status <> 'DECIDED' GROUP BY 1, 2;
