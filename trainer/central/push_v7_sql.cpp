// Central migration 7 (docs/deployment.md, "Ingest"): the payload is stored as the desk sent it
// (json: checked, not decomposed) instead of parsed into jsonb, and a push whose every row passes
// the cheap checks stores the batch with two plain INSERTs straight from the staging table. What a
// push cost before, per event, on the shared build machine (cluster CPU, bench/central_bench.cpp):
// parsing the payload into jsonb ~5.5 µs, the per-row regular expressions of central.push_check
// ~3-4 µs on top of the table's own CHECKs, the temporary table of checked rows and its UPDATE,
// ON CONFLICT's speculative insert into the id table, and sorts that spilled to disk (work_mem).
//
// The answers, refusals and logs are exactly migration 5's (push_v5_sql.cpp): the fast path is only
// taken when it would give them, and anything else (a row the checks refuse, an id the centre has
// already, an id twice in the batch) rolls the fast path back and goes through migration 5's
// row-by-row push, renamed central.push_staged_exact.
#include "trainer/central/schema.hpp"

#include <string>

namespace trainer::central {

namespace {

constexpr const char* kPayloadJson = R"__SQL__(
-- [1] The payload column: json (validated as JSON, kept as sent) instead of jsonb. The views, the
-- read policy and the subject index depend on it, so they are dropped and made again, unchanged.
-- One rewrite of every partition: on a centre of millions of events plan a quiet hour
-- (docs/deployment.md, "Upgrading to central 7").
DROP VIEW reporting.motivation_inputs, reporting.phases, reporting.qa_evaluations, reporting.signoffs,
          reporting.completions, reporting.reviews;
DROP POLICY device_reads_scope ON central.events;
-- jsonb refused what it cannot hold as text (\u0000, a lone surrogate): a payload with a \u escape
-- is still put through jsonb, so the centre stores nothing jsonb refused (a tampered desk's \u0000
-- would otherwise break every view that reads the field). The subject: the payload's "person"; a
-- payload whose text has neither "person" nor a backslash (an escaped key) cannot name one, so
-- most events are not parsed a second time for it.
ALTER TABLE central.events
    DROP CONSTRAINT events_payload_check,
    DROP COLUMN subject,
    ALTER COLUMN payload TYPE json USING payload::json,
    ADD CONSTRAINT events_payload_check
        CHECK (json_typeof(payload) = 'object' AND (strpos(payload::text, '\u') = 0 OR payload::jsonb IS NOT NULL)),
    ADD COLUMN subject text GENERATED ALWAYS AS (coalesce(
        CASE WHEN strpos(payload::text, '"person"') > 0 OR strpos(payload::text, '\') > 0 THEN payload->>'person' END,
        person_id)) STORED;
CREATE INDEX events_by_subject ON central.events (subject, type, at_ms);
CREATE POLICY device_reads_scope ON central.events FOR SELECT
    USING ((SELECT central.my_device()) IS NOT NULL
           AND (subject IS NULL OR type IN ('people.team_created', 'people.team_snapshot')
                OR (SELECT central.scope_all()) OR subject IN (SELECT central.scope_people())));
)__SQL__";

constexpr const char* kReportingGrant = R"__SQL__(
DO $$ BEGIN
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO %I', current_database() || '_reporting');
END $$;
)__SQL__";

constexpr const char* kPush = R"__SQL__(
-- [2] Migration 5's push, row by row, under a new name: every check per row, refusals logged, ids
-- already here answered 'duplicate'. The set-wise push below hands it whatever it does not store
-- itself. (Such a batch's payloads are stored as jsonb writes them back, not byte for byte.) JIT
-- off: a plan whose nested loops are forbidden can cost 10^10 and switch JIT on, ~1 s a call.
ALTER FUNCTION central.push_staged_origin(bigint) RENAME TO push_staged_exact;
ALTER FUNCTION central.push_staged_exact(bigint) SET jit = off;

-- [3] The staged push (same interface and answers as migration 5's, made anew). Set-wise first: one scan
-- checks what the table's constraints do not (size, at_ms and origin_seq spelt as plain digits);
-- then the ids and the events are inserted straight from the staging table, the table's CHECKs
-- (id, type, lengths, JSON object) and the id table's primary key judging every row. A row any of
-- them refuses, an id already stored or given twice raises inside the block: its subtransaction
-- rolls back and migration 5's row-by-row push answers the batch instead. work_mem: a batch's
-- sort by n stays in memory (at 4 MB it went to disk).
CREATE FUNCTION central.push_staged_origin(device_now_ms bigint)
RETURNS TABLE (event_id text, status text)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp SET enable_nestloop = off SET jit = off
SET work_mem = '64MB' AS $$
#variable_conflict use_column
DECLARE
    me text := central.my_device();
BEGIN
    IF me IS NULL THEN
        RAISE EXCEPTION 'this device is not enrolled at the central store or was revoked' USING ERRCODE = '42501';
    END IF;
    PERFORM central.note_clock(device_now_ms);
    BEGIN
        -- at_ms: 1 to 15 digits; origin_seq: empty or up to 18 digits (migration 5's rules). A
        -- value that is not its own integer's spelling (a sign, a space, a leading zero) or does
        -- not parse goes the exact way.
        IF EXISTS (SELECT 1 FROM pg_temp.push_stage_origin s
                    WHERE octet_length(s.payload) > 65536
                       OR s.at_ms::bigint NOT BETWEEN 0 AND 999999999999999 OR s.at_ms::bigint::text <> s.at_ms
                       OR (s.origin_seq <> '' AND (s.origin_seq::bigint NOT BETWEEN 0 AND 999999999999999999
                                                   OR s.origin_seq::bigint::text <> s.origin_seq))) THEN
            RAISE SQLSTATE '22000';
        END IF;
        INSERT INTO central.event_ids (id) SELECT id FROM pg_temp.push_stage_origin;
        -- No RETURNING: it would apply the read policy to events outside the scope.
        INSERT INTO central.events (id, type, person_id, kiosk_id, device, at_ms, origin_seq, payload)
        SELECT s.id, s.type, s.person_id, s.kiosk_id, me, s.at_ms::bigint, nullif(s.origin_seq, '')::bigint, s.payload::json
          FROM pg_temp.push_stage_origin s ORDER BY s.n;
    EXCEPTION WHEN data_exception OR integrity_constraint_violation THEN
        RETURN QUERY SELECT * FROM central.push_staged_exact(device_now_ms);
        RETURN;
    END;
    IF FOUND THEN
        PERFORM pg_notify('trainer_events', '');
    END IF;
    RETURN QUERY SELECT s.id, 'stored' FROM pg_temp.push_stage_origin s ORDER BY s.n;
END $$;
DO $$ BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION central.push_staged_origin(bigint) TO %I', current_database() || '_devices');
END $$;
)__SQL__";

} // namespace

const char* push_v7_sql() {
    static const std::string sql = std::string(kPayloadJson) + reporting_view_definitions() + kReportingGrant + kPush;
    return sql.c_str();
}

} // namespace trainer::central
