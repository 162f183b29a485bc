-- Issue 14: an email that cannot be delivered is given up, not retried every max-retry-after for ever. OutboxSender
-- gives a row up once the server has rejected it permanently (an SMTP 5xx for a recipient or the message, or an
-- address that does not parse) frontdoor.notifications.outbox.give-up-after-rejections times, or once it has failed
-- max-attempts times or for give-up-after since it was queued (or last retried). A given-up row is kept, counted
-- (frontdoor_notifications_given_up) and listed for system managers (/api/v1/admin/notifications), who may retry it:
-- who and when are kept on the row (retried_by, retried_at), and its attempts and rejections start again from nought.
ALTER TABLE notification_outbox
    ADD COLUMN rejections       INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN given_up_at      TIMESTAMPTZ,
    ADD COLUMN given_up_because VARCHAR(32),
    ADD COLUMN retried_by       VARCHAR(255),
    ADD COLUMN retried_at       TIMESTAMPTZ;

-- What the senders claim: unsent and not given up (given-up rows would otherwise sit at the front of the index,
-- their last next_attempt_at long past, and be stepped over by every claim).
DROP INDEX notification_outbox_unsent;
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at, id)
    WHERE sent_at IS NULL AND given_up_at IS NULL;
-- What operators list and the given-up gauge counts.
CREATE INDEX notification_outbox_given_up ON notification_outbox (given_up_at)
    WHERE sent_at IS NULL AND given_up_at IS NOT NULL;
