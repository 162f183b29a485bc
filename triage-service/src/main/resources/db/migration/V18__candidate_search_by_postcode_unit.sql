-- Child matching at a million known children (issue 13, docs/benchmarks.md "Child matching"): the
-- candidate search's slowest contacts spent most of their time computing trigram similarity over every
-- child of the postcode sector (about 1,000 at a million known). The trigram rule now reads the postcode
-- unit (about 25 children) and the previous postcodes the contact gives; a child of the same sector with
-- the same date of birth is still found by the birth rule, and one with a name that sounds the same by
-- the sector rules. Both it and the birth rule are answered from the index alone.

-- The trigram rule: the unit's names, without visiting the table. Replaces the plain postcode index
-- (staff search's postcode rule reads it the same way).
DROP INDEX child_identity_postcode;
CREATE INDEX child_identity_postcode ON child_identity_variant (postcode) INCLUDE (full_name, child_id);

-- The birth rule reads every child born on the date (and its day-month swap: about 300 at a million) to
-- test the names' sounds and the sector: with them in the index, without a visit to the table per child.
DROP INDEX child_identity_birth;
CREATE INDEX child_identity_birth ON child_identity_variant (date_of_birth)
    INCLUDE (family_key, given_key, postcode_sector, child_id) WHERE date_of_birth IS NOT NULL;

-- The sector-wide trigram index is no longer read.
DROP INDEX child_identity_sector_name;
