-- Issue 18: what each run of the retention schedule did: the records it found due, and for each whether it was
-- queued for a manager's confirmation, erased, left under legal hold, or already queued or erased. Children by id
-- only, and the retention class that made each due: no personal data.
CREATE TABLE retention_runs (
    run_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    as_of       DATE         NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    automatic   BOOLEAN      NOT NULL,
    started_by  VARCHAR(200) NOT NULL,
    report      JSONB        NOT NULL DEFAULT '[]'::jsonb
);
CREATE INDEX retention_runs_started ON retention_runs (started_at DESC);
