// Central migration 2: views for BI tools (docs/deployment.md, "Reporting"). They read every
// team, so they are for the <database>_reporting role (granted to analysts' logins), never for
// devices. Free text is left out on purpose: no PIN hashes, no reflections, no QA comments, no
// lead notes — a view lists the columns it shows, never the whole payload.
#include "trainer/central/schema.hpp"

#include <string>

namespace trainer::central {

namespace {

// Migration 2's text in three parts; migration 7 (push_v7_sql.cpp) recreates the views after
// changing the payload column's type. Joined, they are migration 2's released SQL, unchanged.
constexpr const char* kSchema = R"__SQL__(
CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'Read-only views of the central store for BI tools: one row per fact, UTC times, no free text.';

)__SQL__";

constexpr const char* kViews = R"__SQL__(CREATE VIEW reporting.reviews AS
SELECT id AS event_id, person_id, payload->>'card' AS card_id, (payload->>'card_version')::int AS card_version,
       (payload->>'rating')::int AS rating, to_timestamp(at_ms / 1000.0) AS reviewed_at, device
  FROM central.events WHERE type = 'card.reviewed';
COMMENT ON VIEW reporting.reviews IS 'Flashcard reviews: rating 1 again, 2 hard, 3 good, 4 easy.';

CREATE VIEW reporting.completions AS
SELECT id AS event_id, subject AS person_id, payload->>'module' AS module_id,
       (payload->>'version')::int AS module_version, coalesce((payload->>'passed')::boolean, true) AS passed,
       type AS how, to_timestamp(at_ms / 1000.0) AS completed_at
  FROM central.events WHERE type IN ('module.completed', 'onboarding.attempt_finished', 'skills.signed_off');
COMMENT ON VIEW reporting.completions IS 'Onboarding module attempts and completions (quiz, scenario, lead sign-off).';

CREATE VIEW reporting.signoffs AS
SELECT id AS event_id, payload->>'person' AS person_id, payload->>'module' AS module_id,
       (payload->>'version')::int AS module_version, (payload->>'score')::numeric AS score,
       (payload->>'passed')::boolean AS passed, payload->>'signer' AS signed_by,
       to_timestamp(at_ms / 1000.0) AS signed_at
  FROM central.events WHERE type = 'skills.signed_off';
COMMENT ON VIEW reporting.signoffs IS 'Skills sign-offs by leads (the lead''s note is not included).';

CREATE VIEW reporting.qa_evaluations AS
SELECT id AS event_id, payload->>'person' AS person_id, payload->>'evaluator' AS evaluator_id,
       payload->>'scorecard' AS scorecard_id, payload->>'channel' AS channel,
       (payload->>'date')::date AS evaluated_on, (payload #>> '{score,percent}')::numeric AS percent,
       (payload #>> '{score,critical_failed}')::boolean AS critical_failed,
       (payload #>> '{score,scored}')::boolean AS scored
  FROM central.events WHERE type = 'qa.evaluated';
COMMENT ON VIEW reporting.qa_evaluations IS 'QA evaluations with their score (comments are not included).';

CREATE VIEW reporting.phases AS
SELECT id AS event_id, subject AS person_id, payload->>'rollout' AS rollout_id, payload->>'phase' AS phase,
       CASE type WHEN 'change.checked_in' THEN 'self' ELSE 'lead' END AS source,
       to_timestamp(at_ms / 1000.0) AS assessed_at
  FROM central.events WHERE type IN ('change.checked_in', 'change.lead_assessed');
COMMENT ON VIEW reporting.phases IS 'Change phases from self check-ins and lead assessments (no answers, no notes).';

CREATE VIEW reporting.motivation_inputs AS
WITH facts AS (
    SELECT subject AS person_id, to_char(to_timestamp(at_ms / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM') AS period,
           type, payload
      FROM central.events
     WHERE type IN ('qa.evaluated', 'survey.answered', 'module.completed', 'onboarding.attempt_finished',
                    'skills.signed_off')
)
SELECT person_id, period,
       count(*) FILTER (WHERE type = 'qa.evaluated' AND (payload #>> '{score,scored}')::boolean) AS evaluations,
       avg((payload #>> '{score,percent}')::numeric)
           FILTER (WHERE type = 'qa.evaluated' AND (payload #>> '{score,scored}')::boolean) AS qa_percent,
       count(*) FILTER (WHERE type IN ('module.completed', 'onboarding.attempt_finished', 'skills.signed_off')
                        AND coalesce((payload->>'passed')::boolean, true)) AS modules_completed,
       count(*) FILTER (WHERE type = 'survey.answered') AS surveys,
       avg((payload->>'csat')::numeric) FILTER (WHERE type = 'survey.answered') AS csat_mean,
       avg((payload->>'nps')::numeric) FILTER (WHERE type = 'survey.answered') AS nps_mean,
       avg((payload->>'ces')::numeric) FILTER (WHERE type = 'survey.answered') AS ces_mean
  FROM facts WHERE person_id IS NOT NULL GROUP BY person_id, period;
COMMENT ON VIEW reporting.motivation_inputs IS 'Per person and month (UTC): what the motivation index is computed from.';

)__SQL__";

constexpr const char* kGrants = R"__SQL__(DO $$
DECLARE r text := current_database() || '_reporting';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA reporting TO %I', r);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO %I', r);
END $$;
)__SQL__";

} // namespace

const char* reporting_view_definitions() { return kViews; }

const char* reporting_views_sql() {
    static const std::string sql = std::string(kSchema) + kViews + kGrants;
    return sql.c_str();
}

} // namespace trainer::central
