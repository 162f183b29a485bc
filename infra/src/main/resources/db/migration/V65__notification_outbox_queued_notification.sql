-- Issue 14: every instance's OutboxSender is woken when emails are queued, not only the instance whose notifications
-- processor queued them (uk.frontdoor.infra.notify.OutboxWakeUp). NOTIFY is sent inside the queuing transaction and
-- delivered only when it commits; one per statement, and PostgreSQL folds repeats of the same notification within one
-- transaction into one. An operator's retry of a given-up email sends the same notification itself.
CREATE FUNCTION frontdoor_outbox_queued() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('frontdoor_outbox', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER notification_outbox_queued
    AFTER INSERT ON notification_outbox
    FOR EACH STATEMENT
EXECUTE FUNCTION frontdoor_outbox_queued();
