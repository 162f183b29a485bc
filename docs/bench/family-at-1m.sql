-- The family read model's lookups at 1,000,000 child records (docs/benchmarks.md, "Family lookups").
-- Run against an empty database after V16__family.sql; fills the tables, then times the queries that
-- FamilyQueries sends, for an ordinary child and for one at an address shared by 5,000 records.
\set ON_ERROR_STOP on
INSERT INTO family_contact (contact_id, child_id, received_at, given_name, family_name, date_of_birth, level, urgency, decided)
SELECT 'k' || i, 'c' || i, now() - (i % 400) * interval '1 day', 'G' || i, 'F' || (i / 2), date '2010-01-01' + (i % 3000),
       1 + i % 4, i % 4, i % 3 = 0
FROM generate_series(1, 1000000) i;
-- Pairs of children: one name each, a shared address and mother; the first of each pair names the second as a sibling.
INSERT INTO family_key SELECT 'c' || i, 'CHILD', 'g' || i || '|f' || (i / 2) || '|d' FROM generate_series(1, 1000000) i;
INSERT INTO family_key SELECT 'c' || i, 'ADDRESS', 'PC' || (i / 2) || '|line' FROM generate_series(1, 1000000) i;
INSERT INTO family_key SELECT 'c' || i, 'PARENT', 'mum' || (i / 2) FROM generate_series(1, 1000000) i;
INSERT INTO family_key SELECT 'c' || i, 'NAMED_SIBLING', 'g' || (i + 1) || '|f' || ((i + 1) / 2) || '|d'
FROM generate_series(2, 1000000, 2) i;
-- A block whose first line carries no flat numbers: 5,000 records at one address.
INSERT INTO family_key SELECT 'c' || i, 'ADDRESS', 'BIG|tower' FROM generate_series(1, 5000) i;
VACUUM ANALYZE;

\timing on
PREPARE related(text) AS
WITH own AS (SELECT DISTINCT kind, match_key FROM family_key WHERE child_id IN ($1)),
pairs (own_kind, other_kind, ground) AS (VALUES ('NAMED_SIBLING', 'CHILD', 'NAMED_SIBLING'),
    ('CHILD', 'NAMED_SIBLING', 'NAMED_SIBLING'), ('ADDRESS', 'ADDRESS', 'SAME_ADDRESS'), ('PARENT', 'PARENT', 'SAME_PARENT')),
related AS (SELECT k.child_id, p.ground FROM own o JOIN pairs p ON p.own_kind = o.kind
            JOIN family_key k ON k.kind = p.other_kind AND k.match_key = o.match_key WHERE k.child_id NOT IN ($1))
SELECT r.child_id, array_agg(DISTINCT r.ground) AS grounds FROM related r GROUP BY r.child_id
ORDER BY bool_or(r.ground = 'NAMED_SIBLING') DESC,
         (SELECT max(c.received_at) FROM family_contact c WHERE c.child_id = r.child_id) DESC NULLS LAST, r.child_id
LIMIT 51;
PREPARE in_window(text) AS
WITH own AS (SELECT DISTINCT kind, match_key FROM family_key WHERE child_id IN ($1)),
pairs (own_kind, other_kind, ground) AS (VALUES ('NAMED_SIBLING', 'CHILD', 'NAMED_SIBLING'),
    ('CHILD', 'NAMED_SIBLING', 'NAMED_SIBLING'), ('ADDRESS', 'ADDRESS', 'SAME_ADDRESS'), ('PARENT', 'PARENT', 'SAME_PARENT')),
related AS (SELECT k.child_id, p.ground FROM own o JOIN pairs p ON p.own_kind = o.kind
            JOIN family_key k ON k.kind = p.other_kind AND k.match_key = o.match_key WHERE k.child_id NOT IN ($1)),
counted AS (SELECT child_id FROM related UNION SELECT child_id FROM family_contact WHERE child_id IN ($1))
SELECT count(*) FROM family_contact c JOIN counted ON c.child_id = counted.child_id
WHERE c.received_at >= now() - interval '30 days';
-- An ordinary child (a pair), three times each after a first run.
EXECUTE related('c500000'); EXECUTE related('c500000'); EXECUTE related('c600002'); EXECUTE related('c700004');
EXECUTE in_window('c500000'); EXECUTE in_window('c500000'); EXECUTE in_window('c600002'); EXECUTE in_window('c700004');
-- A child at the 5,000-record address.
EXECUTE related('c10'); EXECUTE related('c10'); EXECUTE related('c20'); EXECUTE related('c30');
EXECUTE in_window('c10'); EXECUTE in_window('c10'); EXECUTE in_window('c20'); EXECUTE in_window('c30');

-- Since an address given for more than 20 records is ignored (frontdoor.family.max-records-per-address,
-- FamilyQueries): the same two queries with the limit, as FamilyQueries now sends them.
PREPARE related_limited(text, int) AS
WITH own AS (SELECT DISTINCT kind, match_key FROM family_key f WHERE child_id IN ($1)
             AND (kind <> 'ADDRESS' OR (SELECT count(*) FROM (SELECT 1 FROM family_key shared WHERE shared.kind = 'ADDRESS'
                     AND shared.match_key = f.match_key LIMIT $2 + 1) sharing) <= $2)),
pairs (own_kind, other_kind, ground) AS (VALUES ('NAMED_SIBLING', 'CHILD', 'NAMED_SIBLING'),
    ('CHILD', 'NAMED_SIBLING', 'NAMED_SIBLING'), ('ADDRESS', 'ADDRESS', 'SAME_ADDRESS'), ('PARENT', 'PARENT', 'SAME_PARENT')),
related AS (SELECT k.child_id, p.ground FROM own o JOIN pairs p ON p.own_kind = o.kind
            JOIN family_key k ON k.kind = p.other_kind AND k.match_key = o.match_key WHERE k.child_id NOT IN ($1))
SELECT r.child_id, array_agg(DISTINCT r.ground) AS grounds FROM related r GROUP BY r.child_id
ORDER BY bool_or(r.ground = 'NAMED_SIBLING') DESC,
         (SELECT max(c.received_at) FROM family_contact c WHERE c.child_id = r.child_id) DESC NULLS LAST, r.child_id
LIMIT 51;
PREPARE in_window_limited(text, int) AS
WITH own AS (SELECT DISTINCT kind, match_key FROM family_key f WHERE child_id IN ($1)
             AND (kind <> 'ADDRESS' OR (SELECT count(*) FROM (SELECT 1 FROM family_key shared WHERE shared.kind = 'ADDRESS'
                     AND shared.match_key = f.match_key LIMIT $2 + 1) sharing) <= $2)),
pairs (own_kind, other_kind, ground) AS (VALUES ('NAMED_SIBLING', 'CHILD', 'NAMED_SIBLING'),
    ('CHILD', 'NAMED_SIBLING', 'NAMED_SIBLING'), ('ADDRESS', 'ADDRESS', 'SAME_ADDRESS'), ('PARENT', 'PARENT', 'SAME_PARENT')),
related AS (SELECT k.child_id, p.ground FROM own o JOIN pairs p ON p.own_kind = o.kind
            JOIN family_key k ON k.kind = p.other_kind AND k.match_key = o.match_key WHERE k.child_id NOT IN ($1)),
counted AS (SELECT child_id FROM related UNION SELECT child_id FROM family_contact WHERE child_id IN ($1))
SELECT count(*) FROM family_contact c JOIN counted ON c.child_id = counted.child_id
WHERE c.received_at >= now() - interval '30 days';
EXECUTE related_limited('c500000', 20); EXECUTE related_limited('c500000', 20); EXECUTE related_limited('c600002', 20); EXECUTE related_limited('c700004', 20);
EXECUTE in_window_limited('c500000', 20); EXECUTE in_window_limited('c500000', 20); EXECUTE in_window_limited('c600002', 20); EXECUTE in_window_limited('c700004', 20);
EXECUTE related_limited('c10', 20); EXECUTE related_limited('c10', 20); EXECUTE related_limited('c20', 20); EXECUTE related_limited('c30', 20);
EXECUTE in_window_limited('c10', 20); EXECUTE in_window_limited('c10', 20); EXECUTE in_window_limited('c20', 20); EXECUTE in_window_limited('c30', 20);
