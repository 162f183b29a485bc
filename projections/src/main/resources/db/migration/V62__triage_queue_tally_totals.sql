-- The tally (V22, V55, V57) held its deltas and its folded totals in one table: the queue's triggers appended a delta
-- per row change and the projection folded them now and then, deleting the deltas and inserting the totals again.
-- A rebuild appended and deleted about a million rows there; the few hundred live totals ended up spread through the
-- file (487 rows in 985 pages after a rebuild, docs/benchmarks.md), VACUUM could not give the pages back, and every
-- queue query read the whole file.
--
-- Now the totals have a table of their own, one row per rating, agency and set of categories, changed in place (HOT
-- updates, so the few pages they fill are reused), and the deltas go to triage_queue_tally_delta, which no query
-- reads. Every transaction that appends deltas folds its own at commit (a deferred trigger): summed per group, added
-- to the totals in the groups' order (two transactions folding at once take the rows' locks in the same order, so
-- one may wait for the other's commit but neither for the other in turn), and a group left at zero is removed
-- unless another transaction holds it. No committed delta is ever left waiting, so the totals alone are the tally.
DROP TABLE triage_queue_tally;

CREATE TABLE triage_queue_tally (
    -- '' while the contact is not yet assessed
    priority  VARCHAR(8)   NOT NULL,
    agency    VARCHAR(64)  NOT NULL,
    -- the census codes as the queue row holds them (V57)
    factors   VARCHAR(200) NOT NULL,
    waiting   BIGINT       NOT NULL,
    unclaimed BIGINT       NOT NULL,
    PRIMARY KEY (priority, agency, factors)
) WITH (fillfactor = 50);

CREATE TABLE triage_queue_tally_delta (
    -- in the order appended: a fold remembers the last it took (below)
    id        BIGINT       GENERATED ALWAYS AS IDENTITY,
    -- the transaction that appended it, which folds it at its commit
    xact      xid8         NOT NULL DEFAULT pg_current_xact_id(),
    priority  VARCHAR(8)   NOT NULL,
    agency    VARCHAR(64)  NOT NULL,
    factors   VARCHAR(200) NOT NULL,
    waiting   BIGINT       NOT NULL,
    unclaimed BIGINT       NOT NULL
);
CREATE INDEX triage_queue_tally_delta_xact ON triage_queue_tally_delta (xact);

-- As V57's, appending to the deltas' table.
CREATE OR REPLACE FUNCTION triage_queue_tally_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status <> 'DECIDED' AND NEW.status <> 'DECIDED'
       AND coalesce(OLD.priority, '') = coalesce(NEW.priority, '') AND OLD.agency = NEW.agency
       AND OLD.factors = NEW.factors THEN
        IF (OLD.claimed_by IS NULL) IS DISTINCT FROM (NEW.claimed_by IS NULL) THEN
            INSERT INTO triage_queue_tally_delta (priority, agency, factors, waiting, unclaimed)
            VALUES (coalesce(NEW.priority, ''), NEW.agency, NEW.factors, 0,
                    CASE WHEN NEW.claimed_by IS NULL THEN 1 ELSE -1 END);
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally_delta (priority, agency, factors, waiting, unclaimed)
        VALUES (coalesce(OLD.priority, ''), OLD.agency, OLD.factors, -1, CASE WHEN OLD.claimed_by IS NULL THEN -1 ELSE 0 END);
    END IF;
    IF NEW.status <> 'DECIDED' THEN
        INSERT INTO triage_queue_tally_delta (priority, agency, factors, waiting, unclaimed)
        VALUES (coalesce(NEW.priority, ''), NEW.agency, NEW.factors, 1, CASE WHEN NEW.claimed_by IS NULL THEN 1 ELSE 0 END);
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION triage_queue_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triage_queue_tally_delta (priority, agency, factors, waiting, unclaimed)
    SELECT coalesce(priority, ''), agency, factors, -count(*), -count(*) FILTER (WHERE claimed_by IS NULL)
      FROM deleted WHERE status <> 'DECIDED' GROUP BY 1, 2, 3;
    RETURN NULL;
END $$;

-- Called at commit once for each delta the transaction appended. The first call folds them all and notes, for the
-- rest of the transaction, the last delta id this session has drawn; the other calls see that theirs is no later
-- and do nothing, without reading the table (the deltas a transaction deleted stay in the index until it ends, so a
-- probe for "any of mine left" would read them all, for every call: 45 to 90 s to commit 20,000 changes). A delta
-- appended after a fold (its constraint set immediate) has a later id and is folded by its own call.
CREATE FUNCTION triage_queue_tally_fold() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id <= coalesce(nullif(current_setting('frontdoor.tally_folded_through', true), '')::bigint, 0) THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('frontdoor.tally_folded_through',
                       currval(pg_get_serial_sequence('triage_queue_tally_delta', 'id'))::text, true);
    WITH moved AS (
        DELETE FROM triage_queue_tally_delta WHERE xact = pg_current_xact_id()
        RETURNING priority, agency, factors, waiting, unclaimed)
    INSERT INTO triage_queue_tally AS tally (priority, agency, factors, waiting, unclaimed)
    SELECT priority, agency, factors, sum(waiting), sum(unclaimed) FROM moved
    GROUP BY priority, agency, factors
    HAVING sum(waiting) <> 0 OR sum(unclaimed) <> 0
    ORDER BY priority, agency, factors
    ON CONFLICT (priority, agency, factors) DO UPDATE
        SET waiting = tally.waiting + excluded.waiting, unclaimed = tally.unclaimed + excluded.unclaimed;
    DELETE FROM triage_queue_tally WHERE ctid IN (
        SELECT ctid FROM triage_queue_tally WHERE waiting = 0 AND unclaimed = 0 FOR UPDATE SKIP LOCKED);
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER triage_queue_tally_fold AFTER INSERT ON triage_queue_tally_delta
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION triage_queue_tally_fold();

INSERT INTO triage_queue_tally (priority, agency, factors, waiting, unclaimed)
SELECT coalesce(priority, ''), agency, factors, count(*), count(*) FILTER (WHERE claimed_by IS NULL)
  FROM triage_queue WHERE status <> 'DECIDED' GROUP BY 1, 2, 3;
