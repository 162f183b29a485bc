-- The write side's view of what each contact tells the threshold rules, and which child records a
-- person (or a confident match) has found to be one child. Kept by a subscribing event handler in the
-- same transaction as the events, like the contact registry: the rules read a linked record's history
-- from here with one indexed query instead of loading every linked stream (issue 13).
CREATE TABLE child_contact_facts (
    contact_id              VARCHAR(36) PRIMARY KEY,
    child_id                VARCHAR(36) NOT NULL,
    received_at             TIMESTAMPTZ NOT NULL,
    factors                 TEXT[]      NOT NULL,
    indicators              TEXT[]      NOT NULL,
    outcome                 VARCHAR(40),
    decided_at              TIMESTAMPTZ,
    child_protection_plan   BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX child_contact_facts_child ON child_contact_facts (child_id, received_at);

-- One row per link, the lower id first, so both streams' copies of a link are the same row.
CREATE TABLE child_record_link (
    child_id        VARCHAR(36) NOT NULL,
    linked_child_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (child_id, linked_child_id),
    CHECK (child_id < linked_child_id)
);
CREATE INDEX child_record_link_reverse ON child_record_link (linked_child_id);

-- Stores that already hold events: fill both tables from them once, as the handler would have.
INSERT INTO child_contact_facts (contact_id, child_id, received_at, factors, indicators)
SELECT e ->> 'contactId', e ->> 'childId', (e ->> 'receivedAt')::timestamptz,
       ARRAY(SELECT jsonb_array_elements_text(COALESCE(e -> 'submission' -> 'concerns' -> 'factors', '[]'))),
       ARRAY(SELECT jsonb_array_elements_text(COALESCE(e -> 'submission' -> 'concerns' -> 'indicators', '[]')))
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e FROM domainevententry
      WHERE payloadtype = 'uk.frontdoor.triage.api.ContactReceived') received
ON CONFLICT DO NOTHING;

UPDATE child_contact_facts f SET outcome = e ->> 'outcome', decided_at = (e ->> 'at')::timestamptz
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e FROM domainevententry
      WHERE payloadtype = 'uk.frontdoor.triage.api.ProposalAuthorised') decided
WHERE f.contact_id = e ->> 'contactId';

UPDATE child_contact_facts f SET child_protection_plan = TRUE
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e FROM domainevententry
      WHERE payloadtype = 'uk.frontdoor.triage.api.InitialConferenceHeld') held
WHERE f.contact_id = e ->> 'contactId' AND e ->> 'outcome' = 'CHILD_PROTECTION_PLAN';

INSERT INTO child_record_link (child_id, linked_child_id)
SELECT LEAST(e ->> 'childId', e ->> 'linkedChildId'), GREATEST(e ->> 'childId', e ->> 'linkedChildId')
FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS e FROM domainevententry
      WHERE payloadtype = 'uk.frontdoor.triage.api.ChildRecordLinked') linked
ON CONFLICT DO NOTHING;
