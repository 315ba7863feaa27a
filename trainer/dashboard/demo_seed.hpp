#pragma once
// `trainer demo seed`: a realistic history for the dashboard (issue 6, item 5), written through
// the same events and projections as the kiosk: FSRS reviews (the real scheduler, card.reviewed
// events applied by the review projection), weekly change check-ins scored by the phase rule,
// occasional lead assessments, module completions and monthly maturity self-checks.
//
// Batched: one transaction per simulated day, so 500 agents × 365 days × 200 cards (about 3.6 M
// review events at ~20 reviews a day) takes minutes, not hours.
#include "trainer/content/model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/store/event_store.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace trainer::dashboard {

struct DemoOptions {
    int agents = 12;            // new agents "demo-agent-0001".. in team "Demo Team"; 0: use the
                                // active agents of the teams on the content's rollouts instead
    int days = 56;              // history length, ending at the clock's today
    int cards = 0;              // standards to learn; 0: the content's. More than the content has:
                                // synthetic "demo-card-NNN" copies (see demo_content)
    int reviews_per_day = 20;   // a daily session: due cards, new ones, then practice of the weakest
    int new_cards_per_day = 10;
    std::vector<std::string> modules; // onboarding module ids to complete (rollout modules)
    unsigned seed = 20260901;   // same seed, same history
    std::function<void(int day, int days)> progress; // called after each simulated day
};

struct DemoResult {
    int agents = 0;
    int cards = 0;
    std::string team_id;
    std::string rollout_id;
    std::int64_t reviews = 0;
    std::int64_t checkins = 0;
    std::int64_t assessments = 0;
    std::int64_t completions = 0;
    std::int64_t maturity_checks = 0;
};

// The content the demo learns: `base`, plus synthetic cards "demo-card-NNN" (copies of the base
// cards' text, tagged "demo") until there are `cards` of them. They exist only in the demo: the
// bench and tests pass this set to the dashboard; the bundled content never contains them.
std::shared_ptr<const content::ContentSet> demo_content(const content::ContentSet& base, int cards);

// Seeds the history described above into `db`. `content` must already include any synthetic
// cards (demo_content). Throws std::invalid_argument for options out of range (agents 0..5000,
// days 1..1000, reviews_per_day 1..200).
DemoResult seed_demo_history(store::Database& db, store::EventStore& events, const Clock& clock,
                             const content::ContentSet& content, const DemoOptions& options);

} // namespace trainer::dashboard
