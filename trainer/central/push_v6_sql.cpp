// Central migration 6 (docs/deployment.md, "Ingest"): one index less on every event the reporting
// views do not pick out by type. Migration 1's events_by_type (type, at_ms) took an index insert
// for every event, yet the views read reviews (the bulk of desk traffic) by scanning a month's
// partition anyway; only their sparse types — completions, sign-offs, QA evaluations, phases,
// survey answers — are worth an index, so it is now partial on those. The push itself is
// unchanged (push_v5_sql.cpp): a one-statement rewrite of it measured no less CPU per event
// (docs/deployment.md says what was tried).
#include "trainer/central/schema.hpp"

namespace trainer::central {

const char* push_v6_sql() {
    return R"__SQL__(
DROP INDEX central.events_by_type;
CREATE INDEX events_by_reporting_type ON central.events (type, at_ms)
 WHERE type IN ('module.completed', 'onboarding.attempt_finished', 'skills.signed_off', 'qa.evaluated',
                'change.checked_in', 'change.lead_assessed', 'survey.answered');
)__SQL__";
}

} // namespace trainer::central
