#pragma once
// The motivation index per agent and period (DESIGN §4.5), and the team roll-up for the lead.
//
//   index = Σ weight_c × component_c / Σ weight_c   over components with weight > 0, each 0..100
//
// Components: quality = mean QA score of the period's scored evaluations (scoring.hpp);
// training = % of config training.modules completed by the period's end (onboarding's
// "onboarding.attempt_finished" / "skills.signed_off" with passed, or "module.completed"); mastery = % of the content's standards mastered (cards::ReviewService, as of now);
// csat = % satisfied; nps mapped to 0..100 as (NPS+100)/2; ces mapped as (mean−1)/6×100.
// A component without data counts as 0, and the row says why. Eligible = every gate holds
// (quality ≥ min_quality, ≥ min_evaluations scored evaluations, required modules completed).
#include "trainer/content/model.hpp"
#include "trainer/identity/access.hpp"
#include "trainer/quality/motivation_config.hpp"
#include "trainer/quality/period.hpp"
#include "trainer/store/event_store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trainer::cards {
struct MasterySummary; // cards/review_service.hpp
} // namespace trainer::cards

namespace trainer::quality {

struct Reason {
    std::string code; // stable, for a screen to translate: "quality_below_gate", ...
    std::string text; // English, for logs
    // The values the text names ({period}, {count}, ...): with the catalog key
    // "motivation.reason.<code>" they give the text in the reader's language (assets/i18n).
    std::vector<std::pair<std::string, std::string>> args = {};
};

struct MotivationRow {
    std::string person_id;
    std::string display_name;
    std::vector<std::string> teams;
    std::string period;
    int evaluations = 0;                 // scored QA evaluations in the period
    std::optional<double> quality;       // mean score %
    double training = 0;                 // % of training modules completed
    double mastery = 0;                  // % of standards mastered
    std::optional<double> csat_percent;  // survey figures of the period (survey_figures.hpp)
    std::optional<double> nps;
    std::optional<double> ces_mean;
    std::map<std::string, double> components; // 0..100 each, only weighted ones
    double index = 0;                    // 0..100, 2 decimals
    bool eligible = false;
    std::vector<Reason> reasons;         // failed gates first, then notes on missing data; each
                                         // fact once (no "no quality" note beside the gate)
};

struct TeamRollup {
    std::string team_id;
    std::string team_name;
    std::string period;
    int agents = 0;
    int eligible = 0;
    std::optional<double> mean_index;   // over the team's agents
    std::optional<double> mean_quality; // over agents with a quality score
    int evaluations = 0;
};

struct MotivationReport {
    Period period;
    std::vector<MotivationRow> rows;  // agents the actor may view who worked in the period (hired
                                      // before its end, not deactivated before its start), by id
    std::vector<TeamRollup> teams;    // teams led by the actor (admin: all teams)
};

// identity::AccessDenied for an agent asking about anyone but themselves is impossible by
// construction: an agent's report holds only their own row.
MotivationReport motivation_report(store::Database& db, store::EventStore& events,
                                   const Clock& clock, const content::ContentSet& content,
                                   const MotivationConfig& config, const identity::Actor& actor,
                                   const Period& period);

// One agent's row (AccessDenied unless the actor may view them).
MotivationRow motivation_for(store::Database& db, store::EventStore& events, const Clock& clock,
                             const content::ContentSet& content, const MotivationConfig& config,
                             const identity::Actor& actor, const std::string& person_id,
                             const Period& period);

// The rows of several agents, sharing one pass over the completions (what the dashboard needs;
// calling motivation_for per person would scan the event log once per person). `mastery`, when
// given, is their mastery as the caller already read it (the dashboard's one read of the team's
// schedules, cards/schedule_scan.hpp); without it, or for a person it lacks, it is read here.
std::vector<MotivationRow> motivation_rows(store::Database& db, store::EventStore& events, const Clock& clock,
                                           const content::ContentSet& content, const MotivationConfig& config,
                                           const identity::Actor& actor, const std::vector<std::string>& people,
                                           const Period& period,
                                           const std::map<std::string, cards::MasterySummary>* mastery = nullptr);

// motivation_rows()' index alone, by person (the dashboard's column): the same figures and
// weights, without building each row's reasons or reading names.
std::map<std::string, double> motivation_indexes(store::Database& db, store::EventStore& events, const Clock& clock,
                                                 const content::ContentSet& content, const MotivationConfig& config,
                                                 const identity::Actor& actor, const std::vector<std::string>& people,
                                                 const Period& period,
                                                 const std::map<std::string, cards::MasterySummary>* mastery = nullptr);

} // namespace trainer::quality
