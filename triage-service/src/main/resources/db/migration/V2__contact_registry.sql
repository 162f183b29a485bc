-- The write side's set checks, written in the same transaction as the child's events.

-- One contact per agency and submission id: a resubmission or redelivery finds the first contact.
CREATE TABLE contact_registry (
    contact_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    agency        VARCHAR(64)  NOT NULL,
    submission_id VARCHAR(100) NOT NULL,
    child_id      VARCHAR(36),
    received_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT contact_registry_submission UNIQUE (agency, submission_id)
);

-- One event stream per NHS number.
CREATE TABLE child_identity (
    nhs_number CHAR(10)    NOT NULL PRIMARY KEY,
    child_id   VARCHAR(36) NOT NULL
);
CREATE INDEX child_identity_child ON child_identity (child_id);
