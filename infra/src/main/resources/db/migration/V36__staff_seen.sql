-- Issue 15: the staff directory. Staff who sign in with the council's identity provider are known to the
-- front door from their first sign-in: who may be named as an alert's assignee, an escalation's senior
-- manager or a reader of a restricted record. Staff data only (sign-in name, role, agency), never a child's.
CREATE TABLE staff_seen (
    user_id     VARCHAR(200) PRIMARY KEY,
    role        VARCHAR(32)  NOT NULL,
    agency      VARCHAR(200) NOT NULL,
    first_seen  TIMESTAMPTZ  NOT NULL,
    last_seen   TIMESTAMPTZ  NOT NULL
);
