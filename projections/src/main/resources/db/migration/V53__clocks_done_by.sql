-- A strategy action's alert says who did the action (StrategyActionDone): done_by is the person the owning agency's
-- system named (null when staff recorded it themselves), done_recorded_by the sign-in name or agency code that
-- recorded it. Actions done before this version say so once the alerts processing group is rebuilt.
ALTER TABLE timeliness_clocks ADD COLUMN done_by VARCHAR(200);
ALTER TABLE timeliness_clocks ADD COLUMN done_recorded_by VARCHAR(100);
