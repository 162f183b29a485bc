-- A worker's queue filtered by agency or category leaves out the records restricted from them; which agencies
-- still have something for them to read is found from the waiting rows of those records, by child (few rows).
CREATE INDEX triage_queue_waiting_child ON triage_queue (child_id) WHERE status <> 'DECIDED';
