-- Issue 14: two things a system manager needs for an email the outbox gave up (V64).
--
-- Who it is for, as the settings name them (addressed_to): 'duty-managers', 'emergency-duty', 'staff:<sign-in name>'
-- or 'agency:<agency code>'. An email is given up most often because an address was wrong; once the settings are
-- corrected, sending it again goes to the addresses the settings give now, not to the ones it was queued with. Rows
-- queued before this column keep their recipients (addressed_to is null).
--
-- Dismissed: an email nobody will send again (the duty desk phoned the agency instead, or the matter is closed) is
-- taken off the list and the given-up gauge by a system manager, on the record: who, when and why. The row is kept
-- until it is pruned like a sent one (frontdoor.notifications.outbox.keep-sent-for after its dismissal). The reason
-- is an operator's words about an email (never shown in logs); the page asks for no child's details in it.
ALTER TABLE notification_outbox
    ADD COLUMN addressed_to      VARCHAR(300),
    ADD COLUMN dismissed_by      VARCHAR(255),
    ADD COLUMN dismissed_at      TIMESTAMPTZ,
    ADD COLUMN dismissed_because VARCHAR(500);

-- Given up and waiting for an operator: not sent, not dismissed.
DROP INDEX notification_outbox_given_up;
CREATE INDEX notification_outbox_given_up ON notification_outbox (given_up_at)
    WHERE sent_at IS NULL AND given_up_at IS NOT NULL AND dismissed_at IS NULL;
-- What pruning deletes besides sent rows.
CREATE INDEX notification_outbox_dismissed ON notification_outbox (dismissed_at) WHERE dismissed_at IS NOT NULL;
