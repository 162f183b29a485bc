-- Strategy discussion actions as each owning agency sees them (read model of the 'partner-requests' processing
-- group, rebuilt by resetting it): what the partner API and the seconded partner staff's pages list. Actions of
-- discussions held before this version appear once that processing group is rebuilt. The child's details are read
-- from contact_submissions when asked, never copied here.
CREATE TABLE partner_actions (
    discussion_id VARCHAR(64)  NOT NULL,
    action_no     INT          NOT NULL,
    child_id      VARCHAR(255) NOT NULL,
    contact_id    VARCHAR(36)  NOT NULL,
    -- The owning agency as configured (frontdoor.triage.agencies), upper case: POLICE, HEALTH, SOCIAL_CARE, ...
    agency        VARCHAR(64)  NOT NULL,
    description   TEXT         NOT NULL,
    owner         VARCHAR(255),
    due_date      DATE         NOT NULL,
    due_at        TIMESTAMPTZ,
    held_at       TIMESTAMPTZ  NOT NULL,
    done_at       TIMESTAMPTZ,
    done_note     TEXT,
    done_by       VARCHAR(255),
    PRIMARY KEY (discussion_id, action_no)
);

CREATE INDEX partner_actions_open ON partner_actions (agency, due_date) WHERE done_at IS NULL;
CREATE INDEX partner_actions_done ON partner_actions (agency, done_at) WHERE done_at IS NOT NULL;

-- The answered and fallen-away requests as the agency's history: how each was answered (INFORMATION_FOUND,
-- NONE_HELD, CANNOT_SHARE, or REPLIED_BY_STAFF for a reply the front door typed in), by whom (a sign-in name or the
-- agency's system), and whether late. Not the answer's text: the history says what happened, not what was shared.
ALTER TABLE partner_requests ADD COLUMN answer VARCHAR(32);
ALTER TABLE partner_requests ADD COLUMN answered_by VARCHAR(255);
ALTER TABLE partner_requests ADD COLUMN late BOOLEAN;
CREATE INDEX partner_requests_history ON partner_requests (agency, requested_at)
    WHERE answered_at IS NOT NULL OR closed_at IS NOT NULL;
