-- The emergency duty team's out-of-hours queue is the clocks of type OUT_OF_HOURS still running in the alerts read
-- model (timeliness_clocks): a handful among millions of clocks, so a partial index finds them without a scan.
CREATE INDEX timeliness_clocks_out_of_hours ON timeliness_clocks (due_at, clock_id)
    WHERE type = 'OUT_OF_HOURS' AND state <> 'STOPPED';
