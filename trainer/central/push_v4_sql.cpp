// Central migration 4 (docs/deployment.md, "Sync on the wire"): a push streams its batch with COPY
// into a per-session staging table and one call stores it (central.push_staged), instead of one
// jsonb array parsed and unnested by central.push; and a committed push tells listening desks
// (NOTIFY trainer_events) so they pull at once instead of at their next tick.
#include "trainer/central/schema.hpp"

namespace trainer::central {

const char* push_staged_sql() {
    return R"__SQL__(
-- The desk's staging table: CREATE TEMP TABLE IF NOT EXISTS push_stage (n int, id, type,
-- person_id, kiosk_id, at_ms, payload text) ON COMMIT DELETE ROWS, then COPY into it
-- (sync_client.cpp, kPushStageSql). Columns are text: the centre checks every one here.

-- Why an event is refused (NULL: fine so far; the payload's JSON is checked by parsing it). A
-- plain SQL expression, inlined where it is used.
CREATE FUNCTION central.push_check(id text, type text, person_id text, kiosk_id text, at_ms text, payload text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN octet_length(payload) > 65536 THEN 'larger than 64 KiB'
        WHEN coalesce(id, '') !~ '^[A-Za-z0-9][A-Za-z0-9._:-]*$' OR length(id) > 128 THEN 'bad id'
        WHEN coalesce(type, '') !~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$' OR length(type) > 64 THEN 'bad type'
        WHEN person_id IS NOT NULL AND length(person_id) NOT BETWEEN 1 AND 64 THEN 'bad person_id'
        WHEN coalesce(length(kiosk_id), 0) NOT BETWEEN 1 AND 64 THEN 'bad kiosk_id'
        WHEN coalesce(at_ms, '') !~ '^[0-9]{1,15}$' THEN 'bad at_ms'
        WHEN payload IS NULL THEN 'payload is not an object'
    END
$$;

-- Same answers as central.push: 'stored', 'duplicate' or 'refused: REASON', in the batch's order.
-- Runs with the caller's rights: row-level security applies to every insert.
CREATE FUNCTION central.push_staged(device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_nestloop = off AS $$
#variable_conflict use_column
DECLARE
    me text := central.my_device();
    r record;
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'this device is not enrolled at the central store or was revoked' USING ERRCODE = '42501';
    END IF;
    PERFORM central.note_clock(device_now_ms);
    CREATE TEMP TABLE IF NOT EXISTS push_checked (n int, id text, type text, person_id text, kiosk_id text,
                                                  at_ms bigint, reason text, j jsonb) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE IF NOT EXISTS push_fresh (n int) ON COMMIT DELETE ROWS;
    -- One pass: the checks, and the payload parsed where they pass (CASE evaluates lazily).
    BEGIN
        INSERT INTO pg_temp.push_checked
        SELECT n, id, type, person_id, kiosk_id, CASE WHEN reason IS NULL THEN at_ms::bigint END, reason,
               CASE WHEN reason IS NULL THEN payload::jsonb END
          FROM (SELECT s.*, central.push_check(s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.payload) AS reason
                  FROM pg_temp.push_stage s) c;
    EXCEPTION WHEN data_exception THEN
        -- A payload that is not JSON (a tampered desk): the slow way, one row at a time.
        FOR r IN SELECT s.*, central.push_check(s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.payload) AS reason
                   FROM pg_temp.push_stage s LOOP
            BEGIN
                INSERT INTO pg_temp.push_checked VALUES (r.n, r.id, r.type, r.person_id, r.kiosk_id,
                    CASE WHEN r.reason IS NULL THEN r.at_ms::bigint END, r.reason,
                    CASE WHEN r.reason IS NULL THEN r.payload::jsonb END);
            EXCEPTION WHEN data_exception THEN
                INSERT INTO pg_temp.push_checked VALUES (r.n, r.id, r.type, r.person_id, r.kiosk_id, NULL,
                                                         'payload is not JSON', NULL);
            END;
        END LOOP;
    END;
    UPDATE pg_temp.push_checked SET reason = 'payload is not an object'
     WHERE reason IS NULL AND jsonb_typeof(j) <> 'object';
    INSERT INTO central.rejections (device, event_id, reason, excerpt)
    SELECT me, left(c.id, 128), c.reason, left(concat_ws(' ', s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.payload), 200)
      FROM pg_temp.push_checked c JOIN pg_temp.push_stage s USING (n) WHERE c.reason IS NOT NULL;
    -- The ids new to the centre, by probing its unique index (ON CONFLICT): an anti-join would
    -- hash the whole id table, since hash joins are all this function allows. The same id twice
    -- in one batch (a tampered desk): the first is stored, the rest are duplicates.
    WITH firsts AS (
        SELECT DISTINCT ON (id) n, id FROM pg_temp.push_checked WHERE reason IS NULL ORDER BY id, n
    ), fresh AS (
        INSERT INTO central.event_ids (id) SELECT id FROM firsts ON CONFLICT DO NOTHING RETURNING id
    )
    INSERT INTO pg_temp.push_fresh SELECT f.n FROM firsts f JOIN fresh USING (id);
    -- No RETURNING: it would apply the read policy to events outside the scope.
    INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, payload)
    SELECT c.id, c.type, c.person_id, c.kiosk_id, me, c.at_ms, c.j
      FROM pg_temp.push_checked c JOIN pg_temp.push_fresh f USING (n) ORDER BY c.n;
    IF FOUND THEN
        -- Delivered at commit to every LISTENing desk (one per transaction however many events);
        -- no payload: what a desk may read of it is for row-level security to say.
        PERFORM pg_notify('trainer_events', '');
    END IF;
    RETURN QUERY
    SELECT c.id,
           CASE WHEN c.reason IS NOT NULL THEN 'refused: ' || c.reason
                WHEN f.n IS NOT NULL THEN 'stored'
                ELSE 'duplicate' END
      FROM pg_temp.push_checked c LEFT JOIN pg_temp.push_fresh f USING (n)
     ORDER BY c.n;
END $$;
DO $$ BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION central.push_staged(bigint) TO %I', current_database() || '_devices');
END $$;
)__SQL__";
}

} // namespace trainer::central
