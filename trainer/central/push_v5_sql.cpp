// Central migration 5 (docs/deployment.md, "Sync on the wire"; docs/merging.md, "One order"): the
// centre keeps each event's per-device order. central.events gets origin_seq (the seq the recording
// desk wrote the event under, the total order's tie-break within one desk's millisecond); a new
// staged push, central.push_staged_origin, stores it; the pull's COPY hands it back
// (sync_client.cpp). central.push_staged (migration 4) keeps its interface for desks of older
// builds and now goes through the new push with no origin_seq; central.push (jsonb) is unchanged.
#include "trainer/central/schema.hpp"

namespace trainer::central {

const char* push_origin_sql() {
    return R"__SQL__(
-- NULL: pushed by a desk that does not send it (or seeded); a pull hands that out as 0, and the
-- event id breaks the tie, the same on every desk. Added to the parent, so every partition has it.
ALTER TABLE central.events ADD COLUMN origin_seq bigint CONSTRAINT events_origin_seq_check CHECK (origin_seq >= 0);

-- Migration 4's checks, plus origin_seq: empty (or NULL) or a non-negative integer that fits a
-- bigint (at most 18 digits; no bounded repetition in the regex, migration 3 says why).
CREATE FUNCTION central.push_check(id text, type text, person_id text, kiosk_id text, at_ms text,
                                   origin_seq text, payload text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(central.push_check(id, type, person_id, kiosk_id, at_ms, payload),
                    CASE WHEN origin_seq !~ '^[0-9]*$' OR length(origin_seq) > 18 THEN 'bad origin_seq' END)
$$;

-- The desk's staging table: CREATE TEMP TABLE IF NOT EXISTS push_stage_origin (n int, id, type,
-- person_id, kiosk_id, at_ms, origin_seq, payload text) ON COMMIT DELETE ROWS, then COPY into it
-- (sync_client.cpp, kPushStageSql). Answers as central.push_staged: 'stored', 'duplicate' or
-- 'refused: REASON', in the batch's order. Runs with the caller's rights: row-level security
-- applies to every insert.
CREATE FUNCTION central.push_staged_origin(device_now_ms bigint)
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
    CREATE TEMP TABLE IF NOT EXISTS push_checked_origin (n int, id text, type text, person_id text, kiosk_id text,
        at_ms bigint, origin_seq bigint, reason text, j jsonb) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE IF NOT EXISTS push_fresh (n int) ON COMMIT DELETE ROWS;
    -- One pass: the checks, and the values parsed where they pass (CASE evaluates lazily).
    BEGIN
        INSERT INTO pg_temp.push_checked_origin
        SELECT n, id, type, person_id, kiosk_id, CASE WHEN reason IS NULL THEN at_ms::bigint END,
               CASE WHEN reason IS NULL THEN nullif(origin_seq, '')::bigint END, reason,
               CASE WHEN reason IS NULL THEN payload::jsonb END
          FROM (SELECT s.*, central.push_check(s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.origin_seq, s.payload) AS reason
                  FROM pg_temp.push_stage_origin s) c;
    EXCEPTION WHEN data_exception THEN
        -- A payload that is not JSON (a tampered desk): the slow way, one row at a time.
        FOR r IN SELECT s.*, central.push_check(s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.origin_seq, s.payload) AS reason
                   FROM pg_temp.push_stage_origin s LOOP
            BEGIN
                INSERT INTO pg_temp.push_checked_origin VALUES (r.n, r.id, r.type, r.person_id, r.kiosk_id,
                    CASE WHEN r.reason IS NULL THEN r.at_ms::bigint END,
                    CASE WHEN r.reason IS NULL THEN nullif(r.origin_seq, '')::bigint END, r.reason,
                    CASE WHEN r.reason IS NULL THEN r.payload::jsonb END);
            EXCEPTION WHEN data_exception THEN
                INSERT INTO pg_temp.push_checked_origin VALUES (r.n, r.id, r.type, r.person_id, r.kiosk_id, NULL, NULL,
                                                                'payload is not JSON', NULL);
            END;
        END LOOP;
    END;
    UPDATE pg_temp.push_checked_origin SET reason = 'payload is not an object'
     WHERE reason IS NULL AND jsonb_typeof(j) <> 'object';
    INSERT INTO central.rejections (device, event_id, reason, excerpt)
    SELECT me, left(c.id, 128), c.reason,
           left(concat_ws(' ', s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.origin_seq, s.payload), 200)
      FROM pg_temp.push_checked_origin c JOIN pg_temp.push_stage_origin s USING (n) WHERE c.reason IS NOT NULL;
    -- New ids by probing the unique index (migration 4 says why); an id twice in one batch: the
    -- first is stored, the rest are duplicates.
    WITH firsts AS (
        SELECT DISTINCT ON (id) n, id FROM pg_temp.push_checked_origin WHERE reason IS NULL ORDER BY id, n
    ), fresh AS (
        INSERT INTO central.event_ids (id) SELECT id FROM firsts ON CONFLICT DO NOTHING RETURNING id
    )
    INSERT INTO pg_temp.push_fresh SELECT f.n FROM firsts f JOIN fresh USING (id);
    -- No RETURNING: it would apply the read policy to events outside the scope.
    INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, origin_seq, payload)
    SELECT c.id, c.type, c.person_id, c.kiosk_id, me, c.at_ms, c.origin_seq, c.j
      FROM pg_temp.push_checked_origin c JOIN pg_temp.push_fresh f USING (n) ORDER BY c.n;
    IF FOUND THEN
        PERFORM pg_notify('trainer_events', '');
    END IF;
    RETURN QUERY
    SELECT c.id,
           CASE WHEN c.reason IS NOT NULL THEN 'refused: ' || c.reason
                WHEN f.n IS NOT NULL THEN 'stored'
                ELSE 'duplicate' END
      FROM pg_temp.push_checked_origin c LEFT JOIN pg_temp.push_fresh f USING (n)
     ORDER BY c.n;
END $$;

-- A desk of an older build still stages into push_stage (no origin_seq) and calls push_staged:
-- the same checks and answers, through the one push above, origin_seq left NULL.
CREATE OR REPLACE FUNCTION central.push_staged(device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    CREATE TEMP TABLE IF NOT EXISTS push_stage_origin (n int, id text, type text, person_id text, kiosk_id text,
        at_ms text, origin_seq text, payload text) ON COMMIT DELETE ROWS;
    INSERT INTO pg_temp.push_stage_origin
    SELECT s.n, s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, NULL, s.payload FROM pg_temp.push_stage s;
    RETURN QUERY SELECT * FROM central.push_staged_origin(device_now_ms);
END $$;

DO $$ BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION central.push_staged_origin(bigint) TO %I', current_database() || '_devices');
END $$;
)__SQL__";
}

} // namespace trainer::central
