-- Issue 15: restricted records. Which children's records, and which single contacts, are restricted, and to
-- whom. Written by a subscribing processor in the transaction that appends RecordRestricted or
-- RecordUnrestricted, so a restriction holds from the moment the command returns.
CREATE TABLE restricted_records (
    child_id          VARCHAR(36)  NOT NULL,
    -- '' for the whole record: part of the key, so never null
    contact_id        VARCHAR(36)  NOT NULL DEFAULT '',
    category          VARCHAR(32)  NOT NULL,
    reason            TEXT         NOT NULL,
    visible_to_staff  TEXT[]       NOT NULL,
    visible_to_teams  TEXT[]       NOT NULL,
    restricted_by     VARCHAR(200) NOT NULL,
    restricted_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (child_id, contact_id)
);
