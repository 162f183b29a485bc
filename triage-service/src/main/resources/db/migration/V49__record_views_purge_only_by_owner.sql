-- Issue 15: the record of views cannot be edited by the service's own database role. V28's way past the
-- append-only trigger for the retention purge was a setting, and any session may set a setting: a role with
-- DELETE on record_views could `SET frontdoor.purging_record_views = on` and delete views. The setting now
-- counts only when the statement runs as the table's owner, as it does inside purge_record_views (SECURITY
-- DEFINER). The service run as a role that does not own the tables (as production should be) cannot change or
-- delete a view, whatever it has been granted; it can still purge views past the retention period through the
-- function, which refuses any cut-off less than a year ago.
CREATE OR REPLACE FUNCTION record_views_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('frontdoor.purging_record_views', true) = 'on'
            AND current_user = (SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = TG_RELID) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the record of views cannot be changed (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
