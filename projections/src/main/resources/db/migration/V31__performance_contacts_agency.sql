-- The agency each contact came from, so each partner agency can read its own monthly referral figures. Rows written
-- before this have none until the 'performance' processing group is rebuilt (POST /api/v1/admin/projections/performance/rebuild).
ALTER TABLE performance_contacts ADD COLUMN agency VARCHAR(64);
CREATE INDEX performance_contacts_agency ON performance_contacts (agency, received_at);
