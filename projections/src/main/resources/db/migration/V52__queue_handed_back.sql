-- The day team's queue marks a contact the emergency duty team handed back (HandedBackToDayTeam): when and by whom,
-- never what was done (that is the child's record, on the contact page). Hand-backs before this version show once
-- the triage-queue processing group is rebuilt.
ALTER TABLE triage_queue ADD COLUMN handed_back_at TIMESTAMPTZ;
ALTER TABLE triage_queue ADD COLUMN handed_back_by VARCHAR(100);
