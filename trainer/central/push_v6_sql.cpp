// Central migration 6 (docs/deployment.md, "Ingest"): the staged push in one statement, and one
// index less per row. Migration 5's push wrote each batch through three temporary tables (checked,
// fresh, the answers' join) and checked every row's type with a backtracking regex; the events
// carried a (type, at_ms) index that the reporting views only need for their sparse types.
// Now central.push_staged_origin keeps its interface and answers, and:
//   - checks the batch set-wise: each distinct type once, digits without bounded repetition;
//   - stores it in one statement (central.store_staged): the checked rows stay in memory, new ids
//     are probed and inserted in one pass over central.event_ids (ON CONFLICT, unique index), the
//     events are inserted in the batch's order, refusals logged, answers aggregated in order;
//   - parses payloads with a plain cast and, only when one is not JSON (a tampered desk), runs the
//     same statement again with a per-row parse (central.try_jsonb) that names the bad rows;
//   - replaces events_by_type by a partial index on the types the reporting views pick out
//     (reviews and the bulk of desk traffic are read by scanning a month's partition anyway).
// Once-and-only-once and the pull cursor are unchanged: ids go through the same unique table, the
// events carry the top-level transaction's xid (pg_current_xact_id, also inside the retry's
// subtransaction), and every push is still one transaction.
#include "trainer/central/schema.hpp"

namespace trainer::central {

const char* push_v6_sql() {
    return R"__SQL__(
-- store_staged reads the desk's temporary staging table, which does not exist here.
SET LOCAL check_function_bodies = off;

-- Reporting's sparse types (reporting_sql.cpp): completions, sign-offs, QA evaluations, phases,
-- motivation inputs. card.reviewed and the rest of desk traffic are not indexed by type.
DROP INDEX central.events_by_type;
CREATE INDEX events_by_reporting_type ON central.events (type, at_ms)
 WHERE type IN ('module.completed', 'onboarding.attempt_finished', 'skills.signed_off', 'qa.evaluated',
                'change.checked_in', 'change.lead_assessed', 'survey.answered');

-- A payload as jsonb, or NULL when it is not JSON: the careful pass only (a subtransaction a row).
CREATE FUNCTION central.try_jsonb(t text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN t::jsonb;
EXCEPTION WHEN data_exception THEN
    RETURN NULL;
END $$;

-- The batch in pg_temp.push_stage_origin, checked and stored in one statement; answers in the
-- batch's order. careful = false casts payloads (the whole statement fails on one that is not
-- JSON); careful = true names such rows instead. Runs with the caller's rights: row-level
-- security applies to every insert (a device can only log and store rows stamped with its name).
CREATE FUNCTION central.store_staged(careful boolean, OUT ids text[], OUT answers text[])
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
-- Hash joins only: the planner cannot know a batch's size. No JIT: compiling the plan costs more
-- than running it on a batch (the disabled nested loops' costs would trigger it).
SET enable_nestloop = off SET jit = off AS $$
WITH types AS MATERIALIZED ( -- each distinct type checked once
    SELECT t.type, t.type ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$' AND length(t.type) <= 64 AS ok
      FROM (SELECT DISTINCT s.type FROM pg_temp.push_stage_origin s WHERE s.type IS NOT NULL) t
), checked AS ( -- migration 5's reasons, in its order
    SELECT s.*, CASE
        WHEN octet_length(s.payload) > 65536 THEN 'larger than 64 KiB'
        WHEN coalesce(s.id, '') !~ '^[A-Za-z0-9][A-Za-z0-9._:-]*$' OR length(s.id) > 128 THEN 'bad id'
        WHEN NOT coalesce(t.ok, false) THEN 'bad type'
        WHEN s.person_id IS NOT NULL AND length(s.person_id) NOT BETWEEN 1 AND 64 THEN 'bad person_id'
        WHEN coalesce(length(s.kiosk_id), 0) NOT BETWEEN 1 AND 64 THEN 'bad kiosk_id'
        WHEN coalesce(length(s.at_ms), 0) NOT BETWEEN 1 AND 15 OR s.at_ms ~ '[^0-9]' THEN 'bad at_ms'
        WHEN s.payload IS NULL THEN 'payload is not an object'
        WHEN length(s.origin_seq) > 18 OR s.origin_seq ~ '[^0-9]' THEN 'bad origin_seq'
      END AS reason0
      FROM pg_temp.push_stage_origin s LEFT JOIN types t ON t.type = s.type
), parsed AS ( -- CASE evaluates lazily: a refused row is never parsed
    SELECT c.*, CASE WHEN c.reason0 IS NULL THEN
                    CASE WHEN careful THEN central.try_jsonb(c.payload) ELSE c.payload::jsonb END END AS j
      FROM checked c
), c AS MATERIALIZED (
    SELECT p.*, coalesce(p.reason0, CASE WHEN p.j IS NULL THEN 'payload is not JSON'
                                         WHEN jsonb_typeof(p.j) <> 'object' THEN 'payload is not an object' END) AS reason
      FROM parsed p
), logged AS (
    INSERT INTO central.rejections (device, event_id, reason, excerpt)
    SELECT (SELECT central.my_device()), left(c.id, 128), c.reason,
           left(concat_ws(' ', c.id, c.type, c.person_id, c.kiosk_id, c.at_ms, c.origin_seq, c.payload), 200)
      FROM c WHERE c.reason IS NOT NULL
), firsts AS MATERIALIZED ( -- an id twice in one batch: the first is stored, the rest are duplicates
    SELECT min(c.n) AS n, c.id FROM c WHERE c.reason IS NULL GROUP BY c.id
), fresh AS ( -- new ids, by probing the unique index (an anti-join would hash the whole table)
    INSERT INTO central.event_ids (id) SELECT f.id FROM firsts f ON CONFLICT DO NOTHING RETURNING id
), stored AS MATERIALIZED (
    SELECT f.n FROM firsts f JOIN fresh ON fresh.id = f.id
), inserted AS ( -- no RETURNING: it would apply the read policy to events outside the scope
    INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, origin_seq, payload)
    SELECT c.id, c.type, c.person_id, c.kiosk_id, (SELECT central.my_device()), c.at_ms::bigint,
           nullif(c.origin_seq, '')::bigint, c.j
      FROM c JOIN stored USING (n) ORDER BY c.n
)
SELECT array_agg(c.id ORDER BY c.n),
       array_agg(CASE WHEN c.reason IS NOT NULL THEN 'refused: ' || c.reason
                      WHEN s.n IS NOT NULL THEN 'stored'
                      ELSE 'duplicate' END ORDER BY c.n)
  FROM c LEFT JOIN stored s USING (n)
$$;

-- Same interface and answers as migration 5's: 'stored', 'duplicate' or 'refused: REASON'.
CREATE OR REPLACE FUNCTION central.push_staged_origin(device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    batch_ids text[];
    batch_answers text[];
BEGIN
    IF central.my_device() IS NULL THEN
        RAISE EXCEPTION 'this device is not enrolled at the central store or was revoked' USING ERRCODE = '42501';
    END IF;
    PERFORM central.note_clock(device_now_ms);
    BEGIN
        SELECT s.ids, s.answers INTO batch_ids, batch_answers FROM central.store_staged(false) s;
    EXCEPTION WHEN data_exception THEN
        -- A payload that is not JSON: the statement's work was rolled back; again, row by row.
        SELECT s.ids, s.answers INTO batch_ids, batch_answers FROM central.store_staged(true) s;
    END;
    IF 'stored' = ANY (batch_answers) THEN
        PERFORM pg_notify('trainer_events', '');
    END IF;
    RETURN QUERY SELECT u.id, u.answer FROM unnest(batch_ids, batch_answers) AS u (id, answer);
END $$;
)__SQL__";
}

} // namespace trainer::central
