-- Timeliness: the persistent deadlines of the children's clocks, and the duty manager's alert board.

-- db-scheduler's table (its PostgreSQL schema): Axon's deadline manager keeps every scheduled
-- warning and breach here, in the same database and, when scheduled by a command, in the same
-- transaction as the events that started the clock. A restart loses none; a row is deleted once
-- its deadline has been handled.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- Every clock the streams started, and where it stands (a read model: rebuilt by resetting the
-- 'alerts' processing group). The board is the rows in WARNING or BREACHED.
CREATE TABLE timeliness_clocks (
    clock_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    child_id              VARCHAR(255) NOT NULL,
    contact_id            VARCHAR(255) NOT NULL,
    type                  VARCHAR(40)  NOT NULL,
    reference             VARCHAR(255),
    team                  VARCHAR(100) NOT NULL,
    priority              VARCHAR(10),
    state                 VARCHAR(16)  NOT NULL,
    started_at            TIMESTAMPTZ  NOT NULL,
    warn_at               TIMESTAMPTZ  NOT NULL,
    due_at                TIMESTAMPTZ  NOT NULL,
    warned_at             TIMESTAMPTZ,
    breached_at           TIMESTAMPTZ,
    stopped_at            TIMESTAMPTZ,
    stop_reason           VARCHAR(16),
    done_at               TIMESTAMPTZ,
    late                  BOOLEAN,
    working_seconds_taken BIGINT,
    acknowledged_by       VARCHAR(255),
    acknowledged_at       TIMESTAMPTZ,
    acknowledgement       TEXT,
    assigned_to           VARCHAR(255),
    escalated_to          VARCHAR(255),
    escalation_reason     TEXT
);
CREATE INDEX timeliness_clocks_open ON timeliness_clocks (due_at) WHERE state IN ('WARNING', 'BREACHED');
CREATE INDEX timeliness_clocks_contact ON timeliness_clocks (contact_id);
CREATE INDEX timeliness_clocks_decided ON timeliness_clocks (type, stop_reason);
