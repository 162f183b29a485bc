-- Issue 18: each re-wrap of children's data keys to the current master key (a master key rotation): who started
-- it (a system manager's user id, or the start-up setting) and when, how far it got and how it ended. Counts and
-- master key ids only (ids are names, not secrets): no key and nothing about any child.
CREATE TABLE data_key_rewraps (
    id            BIGSERIAL    PRIMARY KEY,
    to_master_key VARCHAR(100) NOT NULL,
    started_by    VARCHAR(255) NOT NULL,
    started_role  VARCHAR(32)  NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    rewrapped     BIGINT       NOT NULL DEFAULT 0,
    outcome       VARCHAR(16),
    failure       VARCHAR(500)
);
CREATE INDEX data_key_rewraps_latest ON data_key_rewraps (started_at DESC, id DESC);
