-- Each contact's submission as the referrer wrote it, for the staff contact page (read model, rebuilt
-- by resetting the 'contact-submissions' processing group). The event store keeps the original.
CREATE TABLE contact_submissions (
    contact_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    child_id    VARCHAR(255) NOT NULL,
    agency      VARCHAR(64)  NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    submission  JSONB        NOT NULL,
    -- The member of staff who logged it; null for a partner system's submission.
    logged_by   JSONB
);
