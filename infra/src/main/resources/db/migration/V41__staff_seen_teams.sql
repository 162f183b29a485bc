-- Issue 15/16: the teams of staff who sign in with the identity provider, from their token's teams claim
-- (frontdoor.security.jwt.teams-claim), so that records restricted to a team and work allocated to a team
-- work for them as for configured users. Staff data only.
ALTER TABLE staff_seen ADD COLUMN teams TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX staff_seen_teams ON staff_seen USING GIN (teams);
