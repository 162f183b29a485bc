-- The contact view (contact_status.work) now also keeps the initial child protection conference held
-- after a section 47 enquiry (InitialConferenceHeld) and the duties the rules raised that were recorded
-- as done (DutyCompleted). Rows written before this skipped those events and, remembering the last
-- event they applied, would skip them again: the contact view is emptied and its processor's tokens
-- removed, so it replays every child's stream from the start when the service next starts (as V10
-- did for the triage queue). Contact pages answer "Page not found" for a contact until it is replayed.
DELETE FROM contact_status;
DELETE FROM tokenentry WHERE processorname = 'contact-status';
