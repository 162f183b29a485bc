-- Each child's chronology (a read model, rebuilt by resetting the 'chronology' processing group),
-- and the audit of who viewed a child's record (written by the service, never rebuilt).

-- One row per event in a child's stream, keyed by its place in the stream: a redelivered event
-- finds its row already there. Ids are as wide as the event store's aggregate identifiers.
CREATE TABLE child_chronology (
    child_id      VARCHAR(255) NOT NULL,
    seq           BIGINT       NOT NULL,
    at            TIMESTAMPTZ  NOT NULL,
    contact_id    VARCHAR(255),
    type          VARCHAR(100) NOT NULL,
    -- A short line built from codes, staff ids and times only.
    summary       TEXT         NOT NULL,
    -- The free text that goes with the event (narrative, rationale, reason, reply): the case record.
    detail        TEXT,
    -- Null for what the service itself recorded.
    actor_user_id VARCHAR(255),
    actor_role    VARCHAR(32),
    actor_agency  VARCHAR(255),
    PRIMARY KEY (child_id, seq)
);
CREATE INDEX child_chronology_time ON child_chronology (child_id, at);

-- Records found to be the same child, both ways round.
CREATE TABLE child_links (
    child_id        VARCHAR(255) NOT NULL,
    linked_child_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (child_id, linked_child_id)
);

-- Who looked at a child's record, when, and at what. Append-only.
CREATE TABLE record_views (
    id        BIGSERIAL    NOT NULL PRIMARY KEY,
    child_id  VARCHAR(255) NOT NULL,
    viewed_by VARCHAR(255) NOT NULL,
    role      VARCHAR(32)  NOT NULL,
    viewed_at TIMESTAMPTZ  NOT NULL,
    what      TEXT         NOT NULL
);
CREATE INDEX record_views_child ON record_views (child_id, viewed_at);
CREATE INDEX record_views_viewer ON record_views (viewed_by, viewed_at);
