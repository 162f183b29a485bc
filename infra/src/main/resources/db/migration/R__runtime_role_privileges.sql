-- The service's runtime database role, when it is not the role that owns the tables (production: the migrations
-- run as FRONTDOOR_DB_MIGRATION_USER, which owns every table; the service itself connects as FRONTDOOR_DB_USER).
-- The runtime role may read and write the tables the service writes, but it owns none of them, so it can neither
-- drop the triggers that keep the record of views append-only nor alter any table; and on the record of views it
-- may only read and add (views past their period go through purge_record_views, which runs as the owner).
-- Placeholder runtimeRole: empty (the embedded default, one role for both) or the same role as the migrations'
-- changes nothing. Repeatable: it runs again whenever it changes; tables created later by the owner's migrations
-- get the same privileges by the default privileges below.
DO $$
DECLARE
    runtime text := '${runtimeRole}';
BEGIN
    IF runtime = '' OR runtime = current_user THEN
        RETURN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), runtime);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), runtime);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %I TO %I', current_schema(), runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   current_schema(), runtime);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
                   current_schema(), runtime);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON record_views FROM %I', runtime);
END
$$;
