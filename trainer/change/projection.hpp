#pragma once
// The change tables of 0006_change.sql as a projection over the events. The services write an
// event and apply it here in the same transaction, so the live path and `trainer rebuild` run the
// same code.
#include "trainer/store/projection.hpp"

namespace trainer::change {

// Event types (payloads in content/README.md "Change events").
inline constexpr const char* kCheckedIn = "change.checked_in";        // person: the agent
inline constexpr const char* kLeadAssessed = "change.lead_assessed";  // person: the lead
inline constexpr const char* kRolloutDefined = "change.rollout_defined"; // person: the admin
inline constexpr const char* kMaturityAssessed = "maturity.assessed"; // person: the lead/manager
// person: the learner. Onboarding's own records ("onboarding.attempt_finished",
// "skills.signed_off", payload {person, module, version, passed}) feed the same table.
inline constexpr const char* kModuleCompleted = "module.completed";

// Updates the change tables for one event (ignores other types). Throws std::runtime_error naming
// the event when its payload is malformed.
void apply_change_event(store::Database& db, const store::Event& e);

// Clears change_rollouts, change_phase_log, change_phase_latest, change_module_done and
// change_maturity, and replays the events above.
store::Projection change_projection();

} // namespace trainer::change
