-- Issue 15: the record of views names the contact looked at, cannot be edited, and is kept for a set
-- period. Rows leave only through purge_record_views, and never before they are a year old.
ALTER TABLE record_views ADD COLUMN contact_id VARCHAR(36);

CREATE FUNCTION record_views_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('frontdoor.purging_record_views', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the record of views cannot be changed (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER record_views_append_only BEFORE UPDATE OR DELETE ON record_views
    FOR EACH ROW EXECUTE FUNCTION record_views_refuse_change();
CREATE TRIGGER record_views_never_truncated BEFORE TRUNCATE ON record_views
    FOR EACH STATEMENT EXECUTE FUNCTION record_views_refuse_change();

-- The retention purge: views older than the cut-off go, and a cut-off less than a year ago is refused
-- whatever the caller asks. SECURITY DEFINER, so a service role without DELETE on the table may run it.
CREATE FUNCTION purge_record_views(older_than TIMESTAMPTZ) RETURNS BIGINT LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE
    purged BIGINT;
BEGIN
    IF older_than > now() - INTERVAL '1 year' THEN
        RAISE EXCEPTION 'views younger than a year are never purged' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM set_config('frontdoor.purging_record_views', 'on', true);
    DELETE FROM record_views WHERE viewed_at < older_than;
    GET DIAGNOSTICS purged = ROW_COUNT;
    PERFORM set_config('frontdoor.purging_record_views', 'off', true);
    RETURN purged;
END
$$;
