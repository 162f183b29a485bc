-- How complete each contact's referral was against the council's referral standard on arrival (ThresholdAssessed's
-- completeness), so each agency's figures can show completeness over time and its most common gaps. gaps holds the
-- standard's element ids the referral lacked, separated by spaces (ids have none). Contacts scored before this have
-- none until the 'performance' processing group is rebuilt; contacts no agency referred (a step-up) have none.
ALTER TABLE performance_contacts ADD COLUMN completeness_met INT;
ALTER TABLE performance_contacts ADD COLUMN completeness_of INT;
ALTER TABLE performance_contacts ADD COLUMN completeness_gaps VARCHAR(1000);
ALTER TABLE performance_contacts ADD COLUMN referral_standard VARCHAR(200);
