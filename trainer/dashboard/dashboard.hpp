#pragma once
// The lead dashboard service (DESIGN §4.6): a team's table, mastery heatmap, weekly phase
// distribution, sign-off queue and maturity trend, for one rollout. Team scope goes through the
// authorization rules: a lead sees only the teams they lead, an admin every team.
//
// Speed: everything is read from derived tables (card_state, change_*), never from the event log.
// Mastery is cards::ReviewService's rule (R >= 0.9 now and a successful review of the card's
// current version), computed once per schedule in one read of the team's schedules
// (cards/schedule_scan.hpp) that the table, its due count and the motivation index share.
#include "trainer/dashboard/view_models.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/database.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::dashboard {

// An unknown team or rollout, a rollout the team is not on, a backwards date range.
class DashboardError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An inclusive range of UTC days (reports' --since / --until); empty ends are open.
struct DayRange {
    std::optional<std::int64_t> since_day;
    std::optional<std::int64_t> until_day;
};

class DashboardService {
public:
    DashboardService(store::Database& db, const Clock& clock, const content::ContentSet& content, Hooks hooks = {});
    DashboardService(store::Database&, const Clock&&, const content::ContentSet&, Hooks = {}) = delete;

    // The teams the actor may see, by name: (id, name).
    std::vector<std::pair<std::string, std::string>> teams(const identity::Actor& actor);
    // The team's rollouts (content order, then CLI-defined by id).
    std::vector<content::Rollout> rollouts(const identity::Actor& actor, const std::string& team);

    // `team` is an id or a name. `rollout` empty: the team's first rollout, or (none) all cards.
    TeamOverview team_overview(const identity::Actor& actor, const std::string& team, const std::string& rollout = "");
    Heatmap heatmap(const identity::Actor& actor, const std::string& team, const std::string& rollout = "");
    // From the rollout's start week (or since_day) to the week of its target, now or until_day,
    // whichever comes first.
    PhaseDistribution phase_distribution(const identity::Actor& actor, const std::string& team,
                                         const std::string& rollout = "", const DayRange& range = {});
    SignoffQueue signoff_queue(const identity::Actor& actor, const std::string& team);
    // Maturity self-checks of the team by date, optionally within a day range.
    std::vector<MaturityPoint> maturity_trend(const identity::Actor& actor, const std::string& team,
                                              const DayRange& range = {});

    // Internal, shared by the figures (defined in scope.cpp).
    struct Member {
        std::string id;
        std::string name;
    };
    struct Scope {
        std::string team_id, team_name;
        std::optional<content::Rollout> rollout;
        std::vector<Member> members; // active, not leads of the team; by name, then id
        std::vector<const content::Card*> cards; // content (deck) order
        TimeMs now = 0;
    };

private:
    Scope scope(const identity::Actor& actor, const std::string& team, const std::string& rollout);

    store::Database& db_;
    const Clock& clock_;
    const content::ContentSet& content_;
    Hooks hooks_;
};

} // namespace trainer::dashboard
