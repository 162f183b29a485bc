-- The chronology's summaries are now written in the published vocabulary's plain words, the same the
-- staff pages and the CSV export use ("Consent: Refusal overridden (manager)", "RAG rating changed from
-- Amber to Red"), instead of raw codes ("Consent: REFUSAL_OVERRIDDEN"). Summaries are stored text, and
-- rows already written would keep the old words (a replayed event finds its row there and leaves it):
-- the chronology's tables are emptied and its processor's tokens removed, so it replays every child's
-- stream from the start when the service next starts (as V10 and V12 did). Until then a child's
-- chronology is partial or "Page not found".
DELETE FROM child_chronology;
DELETE FROM child_links;
DELETE FROM tokenentry WHERE processorname = 'chronology';
