-- Read models. Each is rebuilt from the event store by resetting its processing group.

CREATE TABLE triage_queue (
    contact_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    child_id        VARCHAR(36)  NOT NULL,
    child_name      VARCHAR(250) NOT NULL,
    referral_source VARCHAR(4)   NOT NULL,
    agency          VARCHAR(64)  NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    level           SMALLINT,
    priority        VARCHAR(8),
    -- 0 not yet assessed, then 1 red, 2 amber, 3 green, 4 blue
    urgency_rank    SMALLINT     NOT NULL,
    response_due_at TIMESTAMPTZ,
    factors         VARCHAR(200) NOT NULL
);
CREATE INDEX triage_queue_waiting ON triage_queue (urgency_rank, response_due_at, received_at, contact_id)
    WHERE status <> 'DECIDED';

CREATE TABLE contact_status (
    contact_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    agency        VARCHAR(64)  NOT NULL,
    submission_id VARCHAR(100) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    received_at   TIMESTAMPTZ  NOT NULL,
    threshold     JSONB
);
