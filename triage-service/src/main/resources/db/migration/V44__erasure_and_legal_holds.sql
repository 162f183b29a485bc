-- Issue 18: erasure, legal holds and retention. Written by a subscribing processor (ErasureRecords) in the
-- transaction that appends the events, like restricted_records: a record erased is erased on every page when the
-- manager's command returns. Nothing here is personal data but legal_holds.reason (a manager's words, deleted
-- when the hold is lifted).

-- Erased records, as "erased on ... under ..." tells them: the decision, never the child.
CREATE TABLE erased_children (
    child_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    erased_at     TIMESTAMPTZ  NOT NULL,
    reason        VARCHAR(32)  NOT NULL,
    legal_basis   VARCHAR(32)  NOT NULL,
    reference     VARCHAR(40),
    requested_by  VARCHAR(200) NOT NULL,
    authorised_by VARCHAR(200) NOT NULL
);

-- Erasures waiting for a second manager (and what the retention schedule queued for a manager's confirmation).
CREATE TABLE erasure_requests (
    child_id     VARCHAR(36)  NOT NULL PRIMARY KEY,
    reason       VARCHAR(32)  NOT NULL,
    legal_basis  VARCHAR(32)  NOT NULL,
    reference    VARCHAR(40),
    requested_by VARCHAR(200) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE legal_holds (
    child_id  VARCHAR(36)  NOT NULL,
    hold_id   VARCHAR(36)  NOT NULL,
    kind      VARCHAR(32)  NOT NULL,
    reason    TEXT         NOT NULL,
    placed_by VARCHAR(200) NOT NULL,
    placed_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (child_id, hold_id)
);
