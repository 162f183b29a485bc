-- Probabilistic child matching (issue 13): who each child record has been recorded as, searchable by
-- sound and by spelling, so that candidates for a contact are found by PostgreSQL and only a handful are
-- scored in Java. pg_trgm (trigram similarity) and fuzzystrmatch (Double Metaphone) are contrib
-- extensions: the embedded PostgreSQL ships them; a managed PostgreSQL needs them allowed (both are on
-- the usual allow-lists). Creating them needs a role with CREATE on the database.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- One row per distinct way a child has been recorded (name, date of birth, address, household...),
-- written in the same transaction as the child's events. The columns are normalised copies of the facts
-- for searching; `facts` holds them as written, for scoring and for showing a person.
CREATE TABLE child_identity_variant (
    child_id               VARCHAR(36)  NOT NULL,
    fingerprint            CHAR(32)     NOT NULL,
    given_name             VARCHAR(100),
    family_name            VARCHAR(100),
    full_name              TEXT GENERATED ALWAYS AS (coalesce(given_name, '') || ' ' || coalesce(family_name, '')) STORED,
    given_key              TEXT GENERATED ALWAYS AS (dmetaphone(given_name)) STORED,
    family_key             TEXT GENERATED ALWAYS AS (dmetaphone(family_name)) STORED,
    date_of_birth          DATE,
    expected_date_of_birth DATE,
    nhs_number             CHAR(10),
    postcode               VARCHAR(8),
    postcode_sector        VARCHAR(7),
    mother_family_key      TEXT,
    facts                  JSONB        NOT NULL,
    first_seen_at          TIMESTAMPTZ  NOT NULL,
    last_seen_at           TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (child_id, fingerprint)
);

-- One index per blocking rule of CandidateFinder.
CREATE INDEX child_identity_nhs ON child_identity_variant (nhs_number) WHERE nhs_number IS NOT NULL;
CREATE INDEX child_identity_birth ON child_identity_variant (date_of_birth) WHERE date_of_birth IS NOT NULL;
CREATE INDEX child_identity_family_birth ON child_identity_variant (family_key, given_key, date_of_birth);
CREATE INDEX child_identity_sector_family ON child_identity_variant (postcode_sector, family_key);
CREATE INDEX child_identity_sector_given ON child_identity_variant (postcode_sector, given_key);
CREATE INDEX child_identity_postcode ON child_identity_variant (postcode);
CREATE INDEX child_identity_expected ON child_identity_variant (expected_date_of_birth)
    WHERE expected_date_of_birth IS NOT NULL;
CREATE INDEX child_identity_mother_birth ON child_identity_variant (mother_family_key, date_of_birth)
    WHERE mother_family_key IS NOT NULL;
-- Trigram similarity of full names within a postcode sector, computed on the index entries alone.
CREATE INDEX child_identity_sector_name ON child_identity_variant (postcode_sector) INCLUDE (full_name, child_id);
-- For searching by any part of a name (staff search, later): trigram similarity across the whole area.
CREATE INDEX child_identity_full_name_trgm ON child_identity_variant USING gin (full_name gin_trgm_ops);
