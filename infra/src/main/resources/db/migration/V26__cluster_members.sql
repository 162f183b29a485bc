-- The service instances that are running, each beating here every few seconds, so that each can tell how
-- many share the projections' segments (SegmentBalancer). An instance that stops beating is gone.
CREATE TABLE cluster_member (
    node         VARCHAR(255) NOT NULL PRIMARY KEY,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
