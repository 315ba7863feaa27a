#pragma once
// Rollouts: named change initiatives (DESIGN §4.4). Defined in content/change/rollouts.json or
// created by an admin from the CLI (a "change.rollout_defined" event, kept in change_rollouts).
#include "trainer/content/change_model.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/event_store.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::change {

// A rollout that does not exist or cannot be defined; the message names it and what is known.
class RolloutError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Content rollouts in file order, then CLI-defined ones by id.
std::vector<content::Rollout> list_rollouts(store::Database& db, const content::ContentSet& content);
std::optional<content::Rollout> find_rollout(store::Database& db, const content::ContentSet& content,
                                             const std::string& id);
// RolloutError "no rollout 'x'; known rollouts: a, b" when absent.
content::Rollout require_rollout(store::Database& db, const content::ContentSet& content, const std::string& id);
// Rollouts that include the team.
std::vector<content::Rollout> rollouts_of_team(store::Database& db, const content::ContentSet& content,
                                               const std::string& team_id);

// Admin only. Checks the id (new, not a content rollout), cards (in the content), teams (exist),
// dates (YYYY-MM-DD, target not before start); RolloutError naming every problem, nothing written.
// Redefining a CLI rollout with the same id replaces it (the event history keeps both).
content::Rollout define_rollout(store::EventStore& events, const identity::Actor& actor,
                                const content::ContentSet& content, content::Rollout r);

// The day numbers (days since 1970-01-01) of a rollout's start and target dates.
std::int64_t start_day(const content::Rollout& r);
std::int64_t target_day(const content::Rollout& r);

} // namespace trainer::change
