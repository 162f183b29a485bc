-- The duty manager's board: proposals awaiting authorisation come from the triage queue, which now
-- keeps what was proposed, by whom and when.
ALTER TABLE triage_queue ADD COLUMN proposed_outcome VARCHAR(32);
ALTER TABLE triage_queue ADD COLUMN proposed_by VARCHAR(100);
ALTER TABLE triage_queue ADD COLUMN proposed_at TIMESTAMPTZ;
CREATE INDEX triage_queue_proposed ON triage_queue (proposed_at, contact_id) WHERE status = 'PROPOSED';

-- The new columns are filled from the event store: the triage queue is emptied and its processor's
-- tokens removed, so it replays every child's stream from the start when the service next starts.
DELETE FROM triage_queue;
DELETE FROM tokenentry WHERE processorname = 'triage-queue';
