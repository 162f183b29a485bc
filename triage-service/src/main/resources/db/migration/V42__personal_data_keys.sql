-- Crypto-shredding: each child's data key, which encrypts the child's personal fields in stored events, kept
-- wrapped (AES-GCM) by the master key. Destroying a child's key (wrapped_key set to NULL) erases those fields
-- from every copy of the events; the row stays as a tombstone so the child is never given a new key.
CREATE TABLE personal_data_keys (
    child_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    wrapped_key   BYTEA,
    master_key_id VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    destroyed_at  TIMESTAMPTZ,
    CONSTRAINT personal_data_key_or_tombstone CHECK ((wrapped_key IS NULL) = (destroyed_at IS NOT NULL))
);

-- A value sealed with the master key when this database was first used: a service started with another
-- master key is stopped at start-up instead of writing keys no one can open beside keys it cannot read.
CREATE TABLE data_protection_master_key_check (
    id            SMALLINT     NOT NULL PRIMARY KEY CHECK (id = 1),
    master_key_id VARCHAR(100) NOT NULL,
    sealed_check  BYTEA        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
