-- A simulated draft's text is kept for frontdoor.simulations.draft-kept-for (default 90 days), then cleared; the
-- report stays. When it was cleared, so the page can say why the text is gone.
ALTER TABLE rule_set_simulations
    ADD COLUMN draft_cleared_at TIMESTAMPTZ;

-- The daily clearing looks for drafts still kept, oldest first.
CREATE INDEX rule_set_simulations_drafts_kept ON rule_set_simulations (requested_at) WHERE draft_text IS NOT NULL;
