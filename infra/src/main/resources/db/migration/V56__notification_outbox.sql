-- Issue 14: the notifications' outbox. The notifications processor no longer emails inside its handlers: it writes
-- each email here in its own batch's transaction (with its token), and OutboxSender sends what is here, marking each
-- row sent in the transaction that claimed it. A retried batch writes nothing twice: one row per event and template
-- (ON CONFLICT DO NOTHING). Rows hold what the email holds: staff and agency mailboxes, a reference and links into
-- the service, never a child's details; last_error holds an exception's class names, never its message (which can
-- quote addresses). Sent rows are pruned after frontdoor.notifications.outbox.keep-sent-for.
-- The runtime role reads, writes and deletes these rows through the default privileges R__runtime_role_privileges.sql
-- gives it on tables the owner creates later.
CREATE TABLE notification_outbox (
    id              BIGSERIAL    PRIMARY KEY,
    event_id        VARCHAR(255) NOT NULL,
    template        VARCHAR(64)  NOT NULL,
    recipients      TEXT[]       NOT NULL,
    subject         TEXT         NOT NULL,
    body            TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      VARCHAR(500),
    sent_at         TIMESTAMPTZ,
    CONSTRAINT notification_outbox_once UNIQUE (event_id, template)
);
-- What the senders claim (due, unsent, oldest first) and what the backlog gauges count: unsent rows only.
CREATE INDEX notification_outbox_unsent ON notification_outbox (next_attempt_at, id) WHERE sent_at IS NULL;
-- What pruning deletes.
CREATE INDEX notification_outbox_sent ON notification_outbox (sent_at) WHERE sent_at IS NOT NULL;
