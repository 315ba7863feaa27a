#pragma once
// The lead dashboard's figures owned by other features (dashboard::Hooks), wired in one place so
// the kiosk dashboard and `trainer report rollout` show the same numbers:
// - onboarding_percent: progress through the person's assigned tracks (mean of the track maps'
//   percent); people without a track keep the dashboard's rollout-modules figure;
// - qa_score: the agent's latest scored QA evaluation (%), any source;
// - motivation_index: the agent's motivation index for the current period (quality/motivation);
// - signoff_queue: pending skills sign-off requests of the team's members, oldest first.
// Each hook reads only what the actor may see (the dashboard scope already checked the team).
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/dashboard/view_models.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/quality/motivation_config.hpp"
#include "trainer/store/event_store.hpp"

#include <filesystem>

namespace trainer::app {

// The references must outlive the hooks.
dashboard::Hooks dashboard_hooks(store::Database& db, store::EventStore& events, const Clock& clock,
                                 const content::ContentSet& content, const identity::Actor& actor,
                                 const quality::MotivationConfig& motivation);

// The motivation rules: $TRAINER_MOTIVATION_CONFIG when set, else <content>/../config/motivation.json
// when it exists, else the built-in defaults. A malformed file throws quality::ConfigError, and so
// does, with `content`, a module id the content does not have (file:line:column for each).
quality::MotivationConfig motivation_config_near(const std::filesystem::path& content_dir,
                                                 const content::ContentSet* content = nullptr);

} // namespace trainer::app
