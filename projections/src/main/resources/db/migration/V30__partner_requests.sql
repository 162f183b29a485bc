-- Partner checks as requests to each agency (read model, rebuilt by resetting the 'partner-requests'
-- processing group): what the partner API, the partner Kafka topics and the seconded partner staff's pages
-- list. The child's details are read from contact_submissions when asked, never copied here.
CREATE TABLE partner_requests (
    check_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    child_id     VARCHAR(255) NOT NULL,
    contact_id   VARCHAR(36)  NOT NULL,
    agency       VARCHAR(64)  NOT NULL,
    question     TEXT,
    priority     VARCHAR(8),
    requested_at TIMESTAMPTZ  NOT NULL,
    due_at       TIMESTAMPTZ  NOT NULL,
    answered_at  TIMESTAMPTZ,
    -- The contact was decided before the agency answered: the check fell away.
    closed_at    TIMESTAMPTZ
);

-- An agency's open requests, most urgent first.
CREATE INDEX partner_requests_open ON partner_requests (agency, due_at)
    WHERE answered_at IS NULL AND closed_at IS NULL;
CREATE INDEX partner_requests_contact ON partner_requests (contact_id);
