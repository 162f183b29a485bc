-- Identity matching: who each child record is, for possible-match suggestions. Written in the same
-- transaction as the child's events. Names and postcode are normalised (lower case, no spaces).
CREATE TABLE child_demographics (
    child_id      VARCHAR(36)  NOT NULL,
    family_name   VARCHAR(100) NOT NULL,
    given_name    VARCHAR(100) NOT NULL,
    date_of_birth DATE         NOT NULL,
    postcode      VARCHAR(10)  NOT NULL,
    nhs_number    CHAR(10),
    CONSTRAINT child_demographics_unique UNIQUE (child_id, family_name, given_name, date_of_birth, postcode)
);
CREATE INDEX child_demographics_match ON child_demographics (date_of_birth, family_name, given_name, postcode);

-- Where each contact stands in the triage work: the staff view of its status.
ALTER TABLE contact_status ADD COLUMN child_id VARCHAR(36);
ALTER TABLE contact_status ADD COLUMN work JSONB NOT NULL DEFAULT '{}'::jsonb;
-- Last event of the child's stream applied to this row: a redelivered event is skipped.
ALTER TABLE contact_status ADD COLUMN applied_sequence BIGINT NOT NULL DEFAULT -1;

-- Who holds each waiting contact.
ALTER TABLE triage_queue ADD COLUMN claimed_by VARCHAR(100);
