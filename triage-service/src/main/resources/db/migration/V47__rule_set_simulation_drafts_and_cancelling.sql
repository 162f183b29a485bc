-- A simulation may replay a draft rule file uploaded with it (kept here so the run, in the background, reads the
-- very text that was checked), and may be cancelled: who cancelled it and when.
ALTER TABLE rule_set_simulations
    ADD COLUMN draft_file   VARCHAR(200),
    ADD COLUMN draft_text   TEXT,
    ADD COLUMN cancelled_by VARCHAR(100),
    ADD COLUMN cancelled_at TIMESTAMPTZ;

-- The simulations page lists the newest first.
CREATE INDEX rule_set_simulations_requested_at ON rule_set_simulations (requested_at DESC);
