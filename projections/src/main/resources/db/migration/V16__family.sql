-- The family around each child (a read model, rebuilt by resetting the 'family' processing group):
-- what each contact said about the child and the people around them, reduced to match keys, so
-- relatives are found by indexed lookups rather than by reading every child (issue 13).

-- One row per contact: what the family view shows about the record it is in.
CREATE TABLE family_contact (
    contact_id    VARCHAR(255) PRIMARY KEY,
    child_id      VARCHAR(255) NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    given_name    TEXT,
    family_name   TEXT,
    date_of_birth DATE,
    -- Null until the threshold rules have assessed the contact.
    level         SMALLINT,
    -- The current RAG rating as its urgency (0 = RED ... 3 = BLUE), so the most urgent is a min().
    urgency       SMALLINT,
    -- A manager authorised a decision: the contact is no longer open.
    decided       BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX family_contact_child ON family_contact (child_id, received_at);

-- The normalised keys a record's contacts gave, one row per record and key however many contacts
-- repeat it. Kinds: CHILD (the child's own names and date of birth), NAMED_SIBLING (a household
-- member named as sibling or half sibling, names and date of birth), ADDRESS (postcode and first
-- line), PARENT (a named mother or father, names and date of birth).
CREATE TABLE family_key (
    child_id  VARCHAR(255) NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    match_key TEXT         NOT NULL,
    PRIMARY KEY (child_id, kind, match_key)
);
CREATE INDEX family_key_lookup ON family_key (kind, match_key, child_id);

-- Records found to be the same child, both ways round: one child, never each other's relatives.
CREATE TABLE family_link (
    child_id        VARCHAR(255) NOT NULL,
    linked_child_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (child_id, linked_child_id)
);
