#pragma once
// The onboarding tables (migration 0005) as a projection of the onboarding events, so
// `trainer rebuild` can recompute them. The services write the same rows through
// update_derived() in the transaction of each event, so the tables and the log never disagree.
#include "trainer/onboarding/record.hpp"
#include "trainer/store/projection.hpp"

namespace trainer::onboarding {

// Writes what event `e` changed: the module's progress row (from `after`, the record with `e`
// applied), a completion row for a finishing event, an assignment row for an assignment.
void update_derived(store::Database& db, const ModuleRecord& after, const store::Event& e);

// Clears onboarding_progress, onboarding_completions, onboarding_assignments and replays.
store::Projection onboarding_projection();

} // namespace trainer::onboarding
