// The central store's migrations (see schema.hpp). Forward-only: a released step is never edited;
// a change is a new step. Each runs in its own transaction.
#include "trainer/central/schema.hpp"

namespace trainer::central {

const std::vector<CentralMigration>& central_migrations() {
    static const std::vector<CentralMigration> list{
        {1, "events_devices_scope", R"__SQL__(
CREATE TABLE central.settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);
-- The role every device role belongs to; named after the database so several centres can share
-- one cluster (roles are cluster-wide).
INSERT INTO central.settings VALUES ('device_group', current_database() || '_devices');
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_database() || '_devices') THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', current_database() || '_devices');
    END IF;
END $$;

-- Who belongs where, for device scopes: a team belongs to a site; a person to teams.
CREATE TABLE central.team_sites (
    team_id text PRIMARY KEY,
    site_id text NOT NULL
);
CREATE TABLE central.memberships (
    person_id text NOT NULL,
    team_id   text NOT NULL,
    PRIMARY KEY (person_id, team_id)
);
CREATE INDEX memberships_by_team ON central.memberships (team_id);

CREATE TABLE central.devices (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    role_name   text NOT NULL UNIQUE,
    scope_kind  text NOT NULL CHECK (scope_kind IN ('person', 'team', 'site', 'all')),
    scope_ids   text[] NOT NULL DEFAULT '{}',
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- An event id is unique across the whole store. PostgreSQL enforces a unique key on a
-- partitioned table only when it contains the partition key, so the id's uniqueness lives in
-- this plain table, written in the same transaction as the event (central.push).
CREATE TABLE central.event_ids (
    id text PRIMARY KEY
);

CREATE SEQUENCE central.event_seq;

-- Events partitioned by the month they occurred in (at_ms, UTC). xid is the inserting
-- transaction: the pull cursor (xid, seq) is safe under concurrent writers (sync.cpp explains).
CREATE TABLE central.events (
    seq         bigint NOT NULL DEFAULT nextval('central.event_seq'),
    xid         xid8 NOT NULL DEFAULT pg_current_xact_id(),
    id          text NOT NULL CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$'),
    type        text NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$' AND length(type) <= 64),
    person_id   text CHECK (person_id IS NULL OR length(person_id) BETWEEN 1 AND 64),
    kiosk_id    text NOT NULL CHECK (length(kiosk_id) BETWEEN 1 AND 64),
    device      text NOT NULL,
    at_ms       bigint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    payload     jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
    -- Whom the event is about: the payload's "person" (a lead's QA evaluation, a survey answer,
    -- a PIN change), else who did it. Scopes and row-level security go by the subject.
    subject     text GENERATED ALWAYS AS (coalesce(payload->>'person', person_id)) STORED
) PARTITION BY RANGE (at_ms);
CREATE TABLE central.events_default PARTITION OF central.events DEFAULT;
CREATE INDEX events_by_cursor ON central.events (xid, seq);
CREATE INDEX events_by_subject ON central.events (subject, type, at_ms);
CREATE INDEX events_by_type ON central.events (type, at_ms);

-- What the centre refused from a device, and why; the device is told in push's answer.
CREATE TABLE central.rejections (
    at        timestamptz NOT NULL DEFAULT now(),
    device    text NOT NULL,
    event_id  text,
    reason    text NOT NULL,
    excerpt   text NOT NULL
);

-- Devices whose clock differed from the centre's by more than five minutes at a push.
CREATE TABLE central.clock_skew (
    at        timestamptz NOT NULL DEFAULT now(),
    device    text NOT NULL,
    skew_ms   bigint NOT NULL
);

-- [privacy] The device of the connected role, when not revoked.
CREATE FUNCTION central.my_device() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT name FROM central.devices WHERE role_name = session_user AND revoked_at IS NULL
$$;

-- [privacy] Everyone the connected device may see: its person, its teams' members, its sites'
-- members. NULL stands for "everyone" (scope all).
CREATE FUNCTION central.scope_all() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT EXISTS (SELECT 1 FROM central.devices
                   WHERE role_name = session_user AND revoked_at IS NULL AND scope_kind = 'all')
$$;
CREATE FUNCTION central.scope_people() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    SELECT unnest(d.scope_ids) FROM central.devices d
     WHERE d.role_name = session_user AND d.revoked_at IS NULL AND d.scope_kind = 'person'
    UNION
    SELECT m.person_id FROM central.devices d JOIN central.memberships m ON m.team_id = ANY (d.scope_ids)
     WHERE d.role_name = session_user AND d.revoked_at IS NULL AND d.scope_kind = 'team'
    UNION
    SELECT m.person_id FROM central.devices d
      JOIN central.team_sites t ON t.site_id = ANY (d.scope_ids)
      JOIN central.memberships m ON m.team_id = t.team_id
     WHERE d.role_name = session_user AND d.revoked_at IS NULL AND d.scope_kind = 'site'
$$;

-- Row-level security: the engine, not the client, decides what a device reads and writes.
ALTER TABLE central.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY device_reads_scope ON central.events FOR SELECT
    USING (central.my_device() IS NOT NULL
           AND (subject IS NULL OR central.scope_all() OR subject IN (SELECT central.scope_people())));
CREATE POLICY device_writes_own ON central.events FOR INSERT
    WITH CHECK (device = central.my_device());
ALTER TABLE central.rejections ENABLE ROW LEVEL SECURITY;
CREATE POLICY device_logs_own ON central.rejections FOR INSERT WITH CHECK (device = central.my_device());
ALTER TABLE central.clock_skew ENABLE ROW LEVEL SECURITY;
CREATE POLICY device_logs_own ON central.clock_skew FOR INSERT WITH CHECK (device = central.my_device());

-- A push: validates each event, logs what it refuses, stores the rest once (by id). Runs with
-- the caller's rights, so row-level security applies to every insert. Answers per event:
-- 'stored', 'duplicate' (already in the centre) or 'refused: REASON'.
CREATE FUNCTION central.push(batch jsonb, device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
    WITH raw AS (
        SELECT e.value AS j, e.ordinality AS n FROM jsonb_array_elements(batch) WITH ORDINALITY e
    ), checked AS (
        SELECT n, j, j->>'id' AS id,
          CASE
            WHEN jsonb_typeof(j) <> 'object' THEN 'not an object'
            WHEN octet_length(j::text) > 65536 THEN 'larger than 64 KiB'
            WHEN coalesce(j->>'id', '') !~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' THEN 'bad id'
            WHEN coalesce(j->>'type', '') !~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$'
                 OR length(j->>'type') > 64 THEN 'bad type'
            WHEN j ? 'person_id' AND jsonb_typeof(j->'person_id') NOT IN ('string', 'null') THEN 'bad person_id'
            WHEN length(j->>'person_id') NOT BETWEEN 1 AND 64 THEN 'bad person_id'
            WHEN coalesce(length(j->>'kiosk_id'), 0) NOT BETWEEN 1 AND 64 THEN 'bad kiosk_id'
            WHEN jsonb_typeof(j->'at_ms') IS DISTINCT FROM 'number'
                 OR (j->>'at_ms') !~ '^[0-9]{1,15}$' THEN 'bad at_ms'
            WHEN jsonb_typeof(j->'payload') IS DISTINCT FROM 'object' THEN 'payload is not an object'
          END AS reason
        FROM raw
    ), logged AS (
        INSERT INTO central.rejections (device, event_id, reason, excerpt)
        SELECT central.my_device(), left(id, 128), reason, left(j::text, 200) FROM checked WHERE reason IS NOT NULL
    ), skew AS (
        INSERT INTO central.clock_skew (device, skew_ms)
        SELECT central.my_device(), device_now_ms - (extract(epoch FROM clock_timestamp()) * 1000)::bigint
        WHERE abs(device_now_ms - (extract(epoch FROM clock_timestamp()) * 1000)::bigint) > 300000
    ), fresh AS (
        INSERT INTO central.event_ids (id)
        SELECT id FROM checked WHERE reason IS NULL ORDER BY n
        ON CONFLICT DO NOTHING RETURNING id
    ), stored AS ( -- no RETURNING: it would apply the read policy to events outside the scope
        INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, payload)
        SELECT c.id, c.j->>'type', nullif(c.j->>'person_id', ''), c.j->>'kiosk_id', central.my_device(),
               (c.j->>'at_ms')::bigint, c.j->'payload'
          FROM checked c JOIN fresh f ON f.id = c.id
         WHERE c.reason IS NULL ORDER BY c.n
    )
    SELECT c.id,
           CASE WHEN c.reason IS NOT NULL THEN 'refused: ' || c.reason
                WHEN EXISTS (SELECT 1 FROM fresh f WHERE f.id = c.id) THEN 'stored'
                ELSE 'duplicate' END
      FROM checked c ORDER BY c.n
$$;

-- What devices may touch: nothing else (no settings writes, no other device's rows).
DO $$
DECLARE g text := current_database() || '_devices';
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA central TO %I', g);
    EXECUTE format('GRANT SELECT ON central.settings, central.schema_versions TO %I', g);
    EXECUTE format('GRANT SELECT, INSERT ON central.events TO %I', g);
    EXECUTE format('GRANT SELECT, INSERT ON central.event_ids TO %I', g);
    EXECUTE format('GRANT INSERT ON central.rejections, central.clock_skew TO %I', g);
    EXECUTE format('GRANT USAGE ON SEQUENCE central.event_seq TO %I', g);
    EXECUTE format('GRANT EXECUTE ON FUNCTION central.push(jsonb, bigint) TO %I', g);
END $$;
)__SQL__"},
        {2, "reporting_views", reporting_views_sql()},
        {3, "skew_episodes_policy_initplans_team_records", push_v3_sql()},
        {4, "staged_push_notify", push_staged_sql()},
        {5, "events_origin_seq", push_origin_sql()},
        {6, "sparse_type_index", push_v6_sql()},
        {7, "json_payload_set_wise_push", push_v7_sql()},
        {8, "writes_only_through_the_push", push_v8_sql()},
    };
    return list;
}

int latest_central_version() { return central_migrations().back().version; }

} // namespace trainer::central
