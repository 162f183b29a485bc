-- Receptions side by side (issue 14): a reception transaction locks only what matching could join
-- (ContactRegistry.receiveWith, MatchingLockKeys), instead of the one global reception lock.
--
-- The lock keys are hashes of matching's blocking keys (an NHS number, a date of birth with a sound-alike
-- name...). pg_locks shows every session's advisory locks to any role that can connect, so the hashes are
-- keyed with this database's own secret: without it a 32-bit hash of an NHS number could be reversed by
-- trying every number. Every instance reads the same secret, so they all hash a key alike.
CREATE TABLE reception_lock_secret (
    secret TEXT NOT NULL
);
INSERT INTO reception_lock_secret (secret)
VALUES (replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

-- Takes a reception's locks, in one round trip, and says how many of them it had to wait for.
-- keys NULL: the transaction receives alone (global_key exclusively). Otherwise global_key is taken shared,
-- so that a transaction receiving alone still excludes every other, then each key exclusively, in the
-- order given (the caller sorts them and removes duplicates): every transaction takes its locks in one
-- order, the global lock first, so no two can each hold a lock the other waits for. Each key is tried
-- first without waiting only to count the waits; a key that is taken is then waited for, before the next.
CREATE FUNCTION reception_lock(global_key BIGINT, keys BIGINT[]) RETURNS INTEGER
    LANGUAGE plpgsql AS
$$
DECLARE
    waited INTEGER := 0;
    k      BIGINT;
BEGIN
    IF keys IS NULL THEN
        IF NOT pg_try_advisory_xact_lock(global_key) THEN
            waited := 1;
            PERFORM pg_advisory_xact_lock(global_key);
        END IF;
        RETURN waited;
    END IF;
    IF NOT pg_try_advisory_xact_lock_shared(global_key) THEN
        waited := 1;
        PERFORM pg_advisory_xact_lock_shared(global_key);
    END IF;
    FOREACH k IN ARRAY keys
        LOOP
            IF NOT pg_try_advisory_xact_lock(k) THEN
                waited := waited + 1;
                PERFORM pg_advisory_xact_lock(k);
            END IF;
        END LOOP;
    RETURN waited;
END
$$;
