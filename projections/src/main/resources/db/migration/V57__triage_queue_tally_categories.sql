-- The category filter was the one queue query far from 20 ms at 100,000 waiting contacts (p50 69 ms, p99 249 ms for
-- one common category, docs/benchmarks.md): after a full page its matches were counted row by row, and the page
-- itself sorted every match. A contact has several categories, so a tally by category cannot say how many have
-- "any of these"; a tally by the contact's whole set of categories can: the contacts with any of the filter's
-- categories are the sum over the sets that hold one of them. The set is kept as the queue row stores it (the
-- census codes joined by commas), so the tally (V22, V55) now has one row per rating, agency and set of categories
-- once folded: a few hundred rows, not one per contact.
ALTER TABLE triage_queue_tally ADD COLUMN factors VARCHAR(200) NOT NULL DEFAULT '';
-- With a few hundred groups the fold, which rewrote every group after every batch, became the rebuild's largest cost
-- (13 ms a batch); it now takes only the groups with new deltas (TriageQueueProjection.FOLD_TALLY). A row the
-- triggers append is a delta; a row the fold writes is marked folded.
ALTER TABLE triage_queue_tally ADD COLUMN folded BOOLEAN NOT NULL DEFAULT false;

-- A change that leaves the contact waiting under the same rating, agency and categories (a claim, a release) appends
-- one delta, not a -1 and a +1: fewer rows for the fold to take.
CREATE OR REPLACE FUNCTION triage_queue_tally_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status <> 'DECIDED' AND NEW.status <> 'DECIDED'
       AND coalesce(OLD.priority, '') = coalesce(NEW.priority, '') AND OLD.agency = NEW.agency
       AND OLD.factors = NEW.factors THEN
        IF (OLD.claimed_by IS NULL) IS DISTINCT FROM (NEW.claimed_by IS NULL) THEN
            INSERT INTO triage_queue_tally (priority, agency, factors, waiting, unclaimed)
            VALUES (coalesce(NEW.priority, ''), NEW.agency, NEW.factors, 0,
                    CASE WHEN NEW.claimed_by IS NULL THEN 1 ELSE -1 END);
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally (priority, agency, factors, waiting, unclaimed)
        VALUES (coalesce(OLD.priority, ''), OLD.agency, OLD.factors, -1, CASE WHEN OLD.claimed_by IS NULL THEN -1 ELSE 0 END);
    END IF;
    IF NEW.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally (priority, agency, factors, waiting, unclaimed)
        VALUES (coalesce(NEW.priority, ''), NEW.agency, NEW.factors, 1, CASE WHEN NEW.claimed_by IS NULL THEN 1 ELSE 0 END);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER triage_queue_tally_update ON triage_queue;
CREATE TRIGGER triage_queue_tally_update AFTER UPDATE ON triage_queue
    FOR EACH ROW WHEN ((OLD.status = 'DECIDED') IS DISTINCT FROM (NEW.status = 'DECIDED')
                       OR OLD.priority IS DISTINCT FROM NEW.priority OR OLD.agency IS DISTINCT FROM NEW.agency
                       OR (OLD.claimed_by IS NULL) IS DISTINCT FROM (NEW.claimed_by IS NULL)
                       OR OLD.factors IS DISTINCT FROM NEW.factors)
    EXECUTE FUNCTION triage_queue_tally_row();

CREATE OR REPLACE FUNCTION triage_queue_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triage_queue_tally (priority, agency, factors, waiting, unclaimed)
    SELECT coalesce(priority, ''), agency, factors, -count(*), -count(*) FILTER (WHERE claimed_by IS NULL)
      FROM deleted WHERE status <> 'DECIDED' GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;

DELETE FROM triage_queue_tally;
INSERT INTO triage_queue_tally (priority, agency, factors, waiting, unclaimed, folded)
SELECT coalesce(priority, ''), agency, factors, count(*), count(*) FILTER (WHERE claimed_by IS NULL), true
  FROM triage_queue WHERE status <> 'DECIDED' GROUP BY 1, 2, 3;

-- The page: the planner chose between reading the matches through the categories' GIN index and sorting them all
-- (45 ms for 10,000 matches) and walking the queue's own order (triage_queue_waiting) until a page of matches is
-- found (0.6 ms), knowing nothing of how common a category is (it guessed 0.5% for every one). Statistics on the
-- categories as an array give it each category's share, so a common category walks the order and a rare one uses
-- the GIN index. ANALYZE (autovacuum's, or this one) fills them.
CREATE STATISTICS triage_queue_factors_shares ON (string_to_array(factors, ',')) FROM triage_queue;
ANALYZE triage_queue;
