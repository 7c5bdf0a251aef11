-- Quanet's own tables of the operations cluster (processing side). Applied once per database by ClusterSchema,
-- after the Orleans scripts; every statement is idempotent so an interrupted first run can be repeated.

-- The events each region grain applied, in stream order, with the batch they were applied in (the correlator
-- groups by batch, so a rebuild replays the same batches). (region, seq) is the log's identity of an event (its position:
-- stream sequence * 65536 + its place in a bundle).
CREATE TABLE IF NOT EXISTS quanet_region_events
(
    region text NOT NULL,
    seq bigint NOT NULL,
    batch_last bigint NOT NULL,
    body bytea NOT NULL,
    PRIMARY KEY (region, seq)
);

-- Incidents as the region grain last saw them (the engine's snake_case JSON document).
CREATE TABLE IF NOT EXISTS quanet_incidents
(
    region text NOT NULL,
    incident_id bigint NOT NULL,
    type text NOT NULL,
    root_cause text NOT NULL,
    opened_micros bigint NOT NULL,
    resolved_micros bigint,
    document jsonb NOT NULL,
    PRIMARY KEY (region, incident_id)
);

-- Unexplained WARNING alarms kept as notices.
CREATE TABLE IF NOT EXISTS quanet_notices
(
    region text NOT NULL,
    alarm_id bigint NOT NULL,
    document jsonb NOT NULL,
    PRIMARY KEY (region, alarm_id)
);

-- One runbook run per incident (incident_key = REGION/ID); outcome null while it runs.
CREATE TABLE IF NOT EXISTS quanet_runbooks
(
    incident_key text PRIMARY KEY,
    region text NOT NULL,
    incident_id bigint NOT NULL,
    runbook text NOT NULL,
    target text NOT NULL,
    started_micros bigint NOT NULL,
    outcome text,
    document jsonb
);

-- The steps of a runbook run, each exactly once: the key is (incident, step).
CREATE TABLE IF NOT EXISTS quanet_runbook_steps
(
    incident_key text NOT NULL,
    step text NOT NULL,
    state text NOT NULL CHECK (state IN ('started', 'done', 'rolled_back')),
    result jsonb,
    updated timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (incident_key, step)
);

-- The cluster's simulated network: element configuration and every action applied to it, with its key.
-- No unique key on action_key on purpose: a duplicate action must be visible, not refused.
CREATE TABLE IF NOT EXISTS quanet_network_config
(
    element text PRIMARY KEY,
    parameters jsonb NOT NULL,
    previous jsonb
);

CREATE TABLE IF NOT EXISTS quanet_network_actions
(
    id bigserial PRIMARY KEY,
    action_key text NOT NULL,
    element text NOT NULL,
    kind text NOT NULL,
    detail jsonb,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX IF NOT EXISTS quanet_network_actions_key ON quanet_network_actions (action_key);

CREATE TABLE IF NOT EXISTS quanet_network_kpis
(
    element text NOT NULL,
    kpi text NOT NULL,
    value double precision NOT NULL,
    PRIMARY KEY (element, kpi)
);
