// Central migration 3 (docs/deployment.md): a clock-skew episode is logged once, not at every
// push; the row-level security policies evaluate the device's identity once per statement (an
// InitPlan) instead of once per row; and team records (a team's id and name, no personal data)
// reach every desk, so a team desk can rebuild its teams from the people events of its scope.
#include "trainer/central/schema.hpp"

namespace trainer::central {

const char* push_v3_sql() {
    return R"__SQL__(
-- One row per episode: opened when a device's clock is first seen more than five minutes off,
-- last_seen_at moved at every later skewed push, ended_at set once it is back within 2.5 minutes.
-- Before this step every skewed push wrote a row: keep each device's latest open, close the rest.
ALTER TABLE central.clock_skew ADD COLUMN last_seen_at timestamptz, ADD COLUMN ended_at timestamptz;
UPDATE central.clock_skew SET ended_at = at
 WHERE ctid NOT IN (SELECT DISTINCT ON (device) ctid FROM central.clock_skew ORDER BY device, at DESC);
CREATE UNIQUE INDEX clock_skew_one_open ON central.clock_skew (device) WHERE ended_at IS NULL;

CREATE FUNCTION central.note_clock(device_now_ms bigint) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me   text := central.my_device();
    skew bigint := device_now_ms - (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
BEGIN
    IF me IS NULL THEN
        RETURN;
    END IF;
    IF abs(skew) > 300000 THEN
        INSERT INTO central.clock_skew (device, skew_ms, last_seen_at) VALUES (me, skew, now())
        ON CONFLICT (device) WHERE ended_at IS NULL DO UPDATE SET last_seen_at = now();
    ELSIF abs(skew) < 150000 THEN
        UPDATE central.clock_skew SET ended_at = now() WHERE device = me AND ended_at IS NULL;
    END IF;
END $$;
REVOKE ALL ON FUNCTION central.note_clock(bigint) FROM PUBLIC;
DO $$ BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION central.note_clock(bigint) TO %I', current_database() || '_devices');
END $$;

-- The same checks and answers as migration 1's push; the device is looked up once, and an id
-- given twice in one batch is stored once (migration 1 stored both copies).
CREATE OR REPLACE FUNCTION central.push(batch jsonb, device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp
-- The planner guesses one row out of jsonb_array_elements' filtered CTEs and joins them in a
-- nested loop: 2000 x 2000 comparisons, two seconds a batch. Hash joins keep a push linear.
SET enable_nestloop = off AS $$
#variable_conflict use_column
DECLARE
    me text := central.my_device();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'this device is not enrolled at the central store or was revoked' USING ERRCODE = '42501';
    END IF;
    PERFORM central.note_clock(device_now_ms);
    RETURN QUERY
    WITH raw AS (
        SELECT e.value AS j, e.ordinality AS n FROM jsonb_array_elements(batch) WITH ORDINALITY e
    ), checked AS (
        SELECT n, j, j->>'id' AS id,
          -- the same id twice in one batch (a tampered desk): the first is stored, the rest are duplicates
          row_number() OVER (PARTITION BY j->>'id' ORDER BY n) AS k,
          CASE
            WHEN jsonb_typeof(j) <> 'object' THEN 'not an object'
            WHEN octet_length(j::text) > 65536 THEN 'larger than 64 KiB'
            WHEN coalesce(j->>'id', '') !~ '^[A-Za-z0-9][A-Za-z0-9._:-]*$' OR length(j->>'id') > 128 THEN 'bad id'
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
        SELECT me, left(id, 128), reason, left(j::text, 200) FROM checked WHERE reason IS NOT NULL
    ), fresh AS (
        INSERT INTO central.event_ids (id)
        SELECT id FROM checked WHERE reason IS NULL AND k = 1 ORDER BY n
        ON CONFLICT DO NOTHING RETURNING id
    ), stored AS ( -- no RETURNING: it would apply the read policy to events outside the scope
        INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, payload)
        SELECT c.id, c.j->>'type', nullif(c.j->>'person_id', ''), c.j->>'kiosk_id', me,
               (c.j->>'at_ms')::bigint, c.j->'payload'
          FROM checked c JOIN fresh f ON f.id = c.id
         WHERE c.reason IS NULL AND c.k = 1 ORDER BY c.n
    )
    SELECT c.id,
           CASE WHEN c.reason IS NOT NULL THEN 'refused: ' || c.reason
                WHEN f.id IS NOT NULL THEN 'stored'
                ELSE 'duplicate' END
      FROM checked c LEFT JOIN fresh f ON f.id = c.id AND c.reason IS NULL AND c.k = 1
     ORDER BY c.n;
END $$;

-- The same rule for an id, spelt without a bounded repetition: PostgreSQL's regex engine took
-- ~0.1 ms per row on '{0,127}', most of an ingest's time (bench/central_bench.cpp).
ALTER TABLE central.events DROP CONSTRAINT events_id_check,
    ADD CONSTRAINT events_id_check CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]*$' AND length(id) <= 128);

-- (SELECT f()) is evaluated once per statement; a bare f() in a policy runs for every row.
ALTER POLICY device_reads_scope ON central.events
    USING ((SELECT central.my_device()) IS NOT NULL
           AND (subject IS NULL OR type IN ('people.team_created', 'people.team_snapshot')
                OR (SELECT central.scope_all()) OR subject IN (SELECT central.scope_people())));
ALTER POLICY device_writes_own ON central.events WITH CHECK (device = (SELECT central.my_device()));
)__SQL__";
}

} // namespace trainer::central
