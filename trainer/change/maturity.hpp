#pragma once
// The service maturity self-check for leads and managers (issue 6, item 7): 15 questions on how
// the organisation treats service, each 0 not applied / 1 partly / 2 applied. The total reads as
// below 20 an alarm, 20-24 work to do, 25-30 fully satisfactory (content::band_of). Results are
// "maturity.assessed" events kept per team and date, so the dashboard shows the trend.
#include "trainer/content/change_model.hpp"
#include "trainer/core/clock.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/store/event_store.hpp"

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace trainer::change {

class MaturityError : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

struct MaturityResult {
    std::string event_id;
    std::string team_id;
    std::string date; // YYYY-MM-DD the self-check is about
    int total = 0;    // 0..30
    content::MaturityBand band = content::MaturityBand::Alarm;
    std::map<std::string, int> answers; // question id -> 0..2
    std::string author_id;
};

// The total of a complete answer set; MaturityError naming every missing, unknown or out-of-range
// answer.
int maturity_total(const std::vector<content::MaturityQuestion>& questions, const std::map<std::string, int>& answers);

// A lead of the team or an admin records a self-check dated `date` (YYYY-MM-DD). AccessDenied,
// MaturityError (bad answers, bad date, unknown team): nothing written.
MaturityResult record_maturity(store::EventStore& events, const identity::Actor& actor,
                               const content::ContentSet& content, const std::string& team_id,
                               const std::string& date, const std::map<std::string, int>& answers);

// The team's self-checks by date (several on one date: in the order recorded).
std::vector<MaturityResult> maturity_trend(store::Database& db, const identity::Actor& actor, const std::string& team_id);

// May the actor see and record the team's figures? Admin: any; lead: teams they lead.
bool can_view_team(const identity::Actor& actor, const std::string& team_id);
void require_view_team(const identity::Actor& actor, const std::string& team_id);

} // namespace trainer::change
