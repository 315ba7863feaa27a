#pragma once
// Fills the rollout report's QA and motivation sections from the quality feature, with the same
// definitions as the dashboard (quality/qa_figures.hpp): the team's QA score per period and each
// member's motivation row of the current period.
#include "trainer/dashboard/report.hpp"
#include "trainer/quality/motivation_config.hpp"
#include "trainer/store/event_store.hpp"

namespace trainer::app {

// Six periods of QA trend ending with the organisation's current one. AccessDenied as the
// motivation report throws it.
void add_quality_section(dashboard::RolloutReport& report, store::EventStore& events, const Clock& clock,
                         const content::ContentSet& content, const identity::Actor& actor,
                         const quality::MotivationConfig& motivation);

} // namespace trainer::app
