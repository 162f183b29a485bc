-- Wakes every node's event processors when events are appended (uk.frontdoor.infra.wakeup.EventWakeUp).
-- NOTIFY is sent inside the appending transaction and delivered only when it commits; one per statement,
-- and PostgreSQL folds repeats of the same notification within one transaction into one.
CREATE FUNCTION frontdoor_events_appended() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('frontdoor_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_appended
    AFTER INSERT ON domainevententry
    FOR EACH STATEMENT
EXECUTE FUNCTION frontdoor_events_appended();
