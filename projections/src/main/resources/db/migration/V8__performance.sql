-- The managers' performance figures: small facts tables, one row per contact, clock, discussion or
-- link, from which the figures are aggregated when asked for (read model: rebuilt by resetting the
-- 'performance' processing group). Nothing here names a child; child ids are opaque UUIDs, kept to
-- find re-referrals.

CREATE TABLE performance_contacts (
    contact_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    child_id        VARCHAR(255) NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL,
    -- DfE census referral-source code (e.g. 3A) and its group (HEALTH).
    referral_source VARCHAR(4)   NOT NULL,
    source_group    VARCHAR(32)  NOT NULL,
    -- A partner check went back to the same kind of agency as the referrer.
    needed_follow_up BOOLEAN     NOT NULL DEFAULT FALSE,
    -- Set when a proposal is authorised: the contact is decided.
    decided_at      TIMESTAMPTZ,
    outcome         VARCHAR(32),
    referral        BOOLEAN,
    threshold_level INT,
    proposed_by     VARCHAR(255),
    authorised_by   VARCHAR(255)
);
CREATE INDEX performance_contacts_received ON performance_contacts (received_at);
CREATE INDEX performance_contacts_decided ON performance_contacts (decided_at) WHERE decided_at IS NOT NULL;
CREATE INDEX performance_contacts_child_referrals ON performance_contacts (child_id, received_at) WHERE referral;

-- Stopped (done) clocks of the two kinds the figures use: CONTACT_DECISION and STRATEGY_DISCUSSION.
CREATE TABLE performance_clocks (
    clock_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    contact_id VARCHAR(36)  NOT NULL,
    type       VARCHAR(40)  NOT NULL,
    done_at    TIMESTAMPTZ  NOT NULL,
    late       BOOLEAN      NOT NULL
);
CREATE INDEX performance_clocks_done ON performance_clocks (type, done_at);

-- Which agencies attended each strategy discussion held.
CREATE TABLE performance_strategy_discussions (
    discussion_id VARCHAR(64) NOT NULL PRIMARY KEY,
    contact_id    VARCHAR(36) NOT NULL,
    held_at       TIMESTAMPTZ NOT NULL,
    police        BOOLEAN     NOT NULL,
    health        BOOLEAN     NOT NULL,
    social_care   BOOLEAN     NOT NULL
);
CREATE INDEX performance_strategy_discussions_contact ON performance_strategy_discussions (contact_id);

-- Records found to be one child, both ways round: an earlier referral on a linked record counts.
CREATE TABLE performance_child_links (
    child_id        VARCHAR(255) NOT NULL,
    linked_child_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (child_id, linked_child_id)
);
