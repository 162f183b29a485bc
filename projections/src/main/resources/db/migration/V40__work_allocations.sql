-- Issue 16: allocation. The work on each contact allocated now to a team and a worker (the latest
-- allocation of each piece of work), for the contact page and each worker's own list. Kept by the
-- contact-status processor, so a rebuild of the contact view rebuilds it too.
CREATE TABLE work_allocations (
    contact_id       VARCHAR(36)  NOT NULL,
    work             VARCHAR(32)  NOT NULL,
    child_id         VARCHAR(36)  NOT NULL,
    team             VARCHAR(100) NOT NULL,
    worker           VARCHAR(200) NOT NULL,
    note             TEXT,
    allocated_by     VARCHAR(200) NOT NULL,
    allocated_at     TIMESTAMPTZ  NOT NULL,
    -- the child's stream sequence of the allocation, so a redelivered older one changes nothing
    applied_sequence BIGINT       NOT NULL,
    PRIMARY KEY (contact_id, work)
);
CREATE INDEX work_allocations_by_worker ON work_allocations (worker, allocated_at DESC);
