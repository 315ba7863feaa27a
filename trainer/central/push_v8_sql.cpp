// Central migration 8 (docs/deployment.md, "Writes only through the push"): an event id is unique in
// the whole store on every path, and the engine enforces it. Devices lose INSERT on central.events
// and central.event_ids (and on the logs): the only way in is the push, now SECURITY DEFINER
// functions owned by a role nobody logs in as (<db>_writer), with search_path pinned. They take the
// device from the session's own login (central.my_device(), session_user), never from an argument,
// and claim each id in central.event_ids in the same transaction as the insert, as before — so a
// second copy of an id cannot be stored by any route a desk has (tests/central/test_one_id.cpp).
//
// The staging table is the writer's: central.open_push_batch() makes pg_temp.push_batch (owned by
// the writer, the desk may only INSERT or COPY into it), the desk COPYs its batch in and calls
// central.push_batch(now). A definer function never reads a table the desk owns: a view, a row
// policy or a trigger of the desk's on it would run the desk's code with the writer's rights. A
// desk of an earlier build still stages into its own push_stage_origin and calls
// central.push_staged_origin, which now copies those rows, with the desk's rights, into
// push_batch and pushes that (one copy more per event).
#include "trainer/central/schema.hpp"

namespace trainer::central {

namespace {

constexpr const char* kRoles = R"__SQL__(
-- [1] The writer: owns the push functions, may insert events, ids and refusals, and nothing else.
-- ALTER ... OWNER TO needs the admin to be a member of the new owner and the owner to have CREATE
-- on the schema; CREATE is taken back at the end of this migration.
DO $$
DECLARE
    w text := current_database() || '_writer';
    d text := current_database() || '_devices';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = w) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', w);
    END IF;
    IF NOT pg_has_role(current_user, w, 'MEMBER') THEN
        EXECUTE format('GRANT %I TO %I', w, current_user);
    END IF;
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA central TO %I', w);
    EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), w);
    EXECUTE format('GRANT INSERT ON central.events, central.rejections TO %I', w);
    -- SELECT: ON CONFLICT DO NOTHING reads the id it probes.
    EXECUTE format('GRANT SELECT, INSERT ON central.event_ids TO %I', w);
    EXECUTE format('GRANT USAGE ON SEQUENCE central.event_seq TO %I', w);
    EXECUTE format('GRANT EXECUTE ON FUNCTION central.note_clock(bigint) TO %I', w);
    -- Devices read their scope (row-level security) and write through the push only.
    EXECUTE format('REVOKE ALL ON central.events, central.event_ids, central.rejections, central.clock_skew FROM %I', d);
    EXECUTE format('GRANT SELECT ON central.events TO %I', d);
    REVOKE ALL ON central.events, central.event_ids, central.rejections, central.clock_skew FROM PUBLIC;
END $$;

-- [2] The session's staging table, the writer's: made on the first push of a session, the desk
-- allowed to INSERT (COPY) into it and nothing else. A relation of that name the desk made first
-- is refused, by this and by every push.
CREATE FUNCTION central.open_push_batch() RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t regclass := to_regclass('pg_temp.push_batch');
BEGIN
    IF t IS NULL THEN
        CREATE TEMP TABLE push_batch (n int, id text, type text, person_id text, kiosk_id text, at_ms text,
                                      origin_seq text, payload text) ON COMMIT DELETE ROWS;
        EXECUTE format('GRANT INSERT ON pg_temp.push_batch TO %I', session_user);
    ELSIF NOT EXISTS (SELECT 1 FROM pg_class WHERE oid = t AND relkind = 'r' AND relowner = current_user::text::regrole) THEN
        RAISE EXCEPTION 'pg_temp.push_batch was not made by the centre: drop it (DISCARD TEMP) and push again'
            USING ERRCODE = '42501';
    END IF;
END $$;
)__SQL__";

constexpr const char* kWriterPush = R"__SQL__(
-- [3] The push (migration 7's set-wise push, push_v7_sql.cpp, on the writer's staging table): the
-- cheap checks in one scan, then the ids claimed and the events inserted with two plain INSERTs,
-- the tables' CHECKs and the id table's primary key judging every row. Anything they refuse — an
-- id already claimed or given twice included — rolls the block back and central.push_batch_exact
-- answers the batch. The device is the session's login, nothing else.
CREATE FUNCTION central.push_batch(device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET enable_nestloop = off
SET jit = off SET work_mem = '64MB' AS $$
#variable_conflict use_column
DECLARE
    me text := central.my_device();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'this device is not enrolled at the central store or was revoked' USING ERRCODE = '42501';
    END IF;
    PERFORM central.open_push_batch();
    PERFORM central.note_clock(device_now_ms);
    BEGIN
        IF EXISTS (SELECT 1 FROM pg_temp.push_batch s
                    WHERE octet_length(s.payload) > 65536
                       OR s.at_ms::bigint NOT BETWEEN 0 AND 999999999999999 OR s.at_ms::bigint::text <> s.at_ms
                       OR (s.origin_seq <> '' AND (s.origin_seq::bigint NOT BETWEEN 0 AND 999999999999999999
                                                   OR s.origin_seq::bigint::text <> s.origin_seq))) THEN
            RAISE SQLSTATE '22000';
        END IF;
        INSERT INTO central.event_ids (id) SELECT id FROM pg_temp.push_batch;
        -- No RETURNING: it would apply the read policy to events outside the scope.
        INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, origin_seq, payload)
        SELECT s.id, s.type, s.person_id, s.kiosk_id, me, s.at_ms::bigint, nullif(s.origin_seq, '')::bigint, s.payload::json
          FROM pg_temp.push_batch s ORDER BY s.n;
    EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
        RETURN QUERY SELECT * FROM central.push_batch_exact();
        RETURN;
    END;
    IF FOUND THEN
        PERFORM pg_notify('trainer_events', '');
    END IF;
    RETURN QUERY SELECT s.id, 'stored'::text FROM pg_temp.push_batch s ORDER BY s.n;
END $$;

-- [4] Row by row (migration 5's answers): every check per row, refusals logged, an id already
-- claimed answered 'duplicate', an id twice in the batch stored once (the first). One statement:
-- no temporary tables of its own (a desk could have made one of the same name beforehand).
CREATE FUNCTION central.push_batch_exact()
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp SET enable_nestloop = off
SET jit = off SET work_mem = '64MB' AS $$
#variable_conflict use_column
DECLARE
    me text := central.my_device();
    ids text[];
    answers text[];
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'this device is not enrolled at the central store or was revoked' USING ERRCODE = '42501';
    END IF;
    PERFORM central.open_push_batch();
    WITH staged AS (
        SELECT s.*, central.push_check(s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.origin_seq, s.payload) AS first_reason
          FROM pg_temp.push_batch s
    ), parsed AS (
        SELECT staged.*, CASE WHEN first_reason IS NULL THEN central.jsonb_or_null(payload) END AS jb FROM staged
    ), checked AS (
        SELECT parsed.*, coalesce(first_reason, CASE WHEN jb IS NULL THEN 'payload is not JSON'
                                                     WHEN jsonb_typeof(jb) <> 'object' THEN 'payload is not an object' END) AS reason
          FROM parsed
    ), logged AS (
        INSERT INTO central.rejections (device, event_id, reason, excerpt)
        SELECT me, left(c.id, 128), c.reason,
               left(concat_ws(' ', c.id, c.type, c.person_id, c.kiosk_id, c.at_ms, c.origin_seq, c.payload), 200)
          FROM checked c WHERE c.reason IS NOT NULL
    ), firsts AS (
        SELECT DISTINCT ON (c.id) c.n, c.id FROM checked c WHERE c.reason IS NULL ORDER BY c.id, c.n
    ), fresh AS (
        INSERT INTO central.event_ids (id) SELECT f.id FROM firsts f ON CONFLICT DO NOTHING RETURNING id
    ), fresh_n AS (
        SELECT f.n FROM firsts f JOIN fresh USING (id)
    ), stored AS (
        INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, origin_seq, payload)
        SELECT c.id, c.type, c.person_id, c.kiosk_id, me, c.at_ms::bigint, nullif(c.origin_seq, '')::bigint, c.payload::json
          FROM checked c JOIN fresh_n USING (n) ORDER BY c.n
    )
    SELECT array_agg(c.id ORDER BY c.n),
           array_agg(CASE WHEN c.reason IS NOT NULL THEN 'refused: ' || c.reason
                          WHEN f.n IS NOT NULL THEN 'stored'
                          ELSE 'duplicate' END ORDER BY c.n)
      INTO ids, answers
      FROM checked c LEFT JOIN fresh_n f USING (n);
    IF 'stored' = ANY (answers) THEN
        PERFORM pg_notify('trainer_events', '');
    END IF;
    RETURN QUERY SELECT * FROM unnest(ids, answers);
END $$;

-- A payload parsed as jsonb, or NULL when it is not JSON (the row-by-row push's test).
CREATE FUNCTION central.jsonb_or_null(t text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN t::jsonb;
EXCEPTION WHEN data_exception THEN
    RETURN NULL;
END $$;
)__SQL__";

constexpr const char* kOlderDesks = R"__SQL__(
-- [5] A desk of an earlier build: its own staging table copied into the writer's with its own
-- rights (whatever it made push_stage_origin into runs as the desk), then the push.
CREATE FUNCTION central.copy_desk_stage() RETURNS void
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM central.open_push_batch();
    INSERT INTO pg_temp.push_batch SELECT s.n, s.id, s.type, s.person_id, s.kiosk_id, s.at_ms, s.origin_seq, s.payload
      FROM pg_temp.push_stage_origin s;
END $$;
CREATE OR REPLACE FUNCTION central.push_staged_origin(device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM central.copy_desk_stage();
    RETURN QUERY SELECT * FROM central.push_batch(device_now_ms);
END $$;
-- The row-by-row push of the same staging table (tests compare the two).
CREATE OR REPLACE FUNCTION central.push_staged_exact(device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM central.copy_desk_stage();
    PERFORM central.note_clock(device_now_ms);
    RETURN QUERY SELECT * FROM central.push_batch_exact();
END $$;
-- central.push_staged (migration 5) moves a still older desk's push_stage rows into
-- push_stage_origin and calls push_staged_origin: unchanged. central.push(jsonb) (migration 3)
-- writes the tables itself, so it becomes the writer's; it already takes the device from the session.
ALTER FUNCTION central.push(jsonb, bigint) SECURITY DEFINER;

-- [6] Ownership and who may call what.
DO $$
DECLARE
    w text := current_database() || '_writer';
    d text := current_database() || '_devices';
BEGIN
    EXECUTE format('ALTER FUNCTION central.open_push_batch() OWNER TO %I', w);
    EXECUTE format('ALTER FUNCTION central.push_batch(bigint) OWNER TO %I', w);
    EXECUTE format('ALTER FUNCTION central.push_batch_exact() OWNER TO %I', w);
    EXECUTE format('ALTER FUNCTION central.push(jsonb, bigint) OWNER TO %I', w);
    REVOKE ALL ON FUNCTION central.open_push_batch(), central.push_batch(bigint), central.push_batch_exact(),
                           central.push(jsonb, bigint) FROM PUBLIC;
    EXECUTE format('GRANT EXECUTE ON FUNCTION central.open_push_batch(), central.push_batch(bigint), '
                   'central.push_batch_exact(), central.push(jsonb, bigint) TO %I', d);
    EXECUTE format('REVOKE CREATE ON SCHEMA central FROM %I', w);
END $$;
)__SQL__";

} // namespace

const char* push_v8_sql() {
    static const std::string sql = std::string(kRoles) + kWriterPush + kOlderDesks;
    return sql.c_str();
}

} // namespace trainer::central
