-- Every projection rebuild: which read model, who started it (a system manager's user id: staff,
-- never a child) and when, the event store's head when it began (progress is measured against it),
-- and when a node first saw it complete. Nothing about any child.
CREATE TABLE projection_rebuilds (
    id            BIGSERIAL    PRIMARY KEY,
    projection    VARCHAR(255) NOT NULL,
    started_by    VARCHAR(255) NOT NULL,
    started_role  VARCHAR(32)  NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    head_at_start BIGINT       NOT NULL,
    completed_at  TIMESTAMPTZ
);
CREATE INDEX projection_rebuilds_latest ON projection_rebuilds (projection, started_at DESC, id DESC);
