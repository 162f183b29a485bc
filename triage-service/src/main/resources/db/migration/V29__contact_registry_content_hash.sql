-- Issue 15: a submission id resent with different content is refused (409), not silently taken as a
-- repeat. The registry keeps a SHA-256 of the canonical submission next to its id. Rows registered
-- before this column existed have no hash, and a resend of them is still answered as a repeat.
ALTER TABLE contact_registry ADD COLUMN content_hash BYTEA;
