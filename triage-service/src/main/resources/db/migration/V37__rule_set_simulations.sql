-- Rule-set simulations: a named rule set replayed over the contacts of a period, and the report kept.
-- Nothing here is a child's record: the report names contacts by id only.
CREATE TABLE rule_set_simulations (
    simulation_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    rule_set_id      VARCHAR(100) NOT NULL,
    rule_set_version VARCHAR(50)  NOT NULL,
    period_from      DATE         NOT NULL,
    period_to        DATE         NOT NULL,
    requested_by     VARCHAR(100) NOT NULL,
    requested_at     TIMESTAMPTZ  NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    contacts_total   INTEGER,
    contacts_done    INTEGER      NOT NULL DEFAULT 0,
    finished_at      TIMESTAMPTZ,
    report           JSONB
);
