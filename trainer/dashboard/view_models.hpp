#pragma once
// Plain view models of the lead dashboard (DESIGN §4.6). The kiosk screens draw them and the
// reports print them; nothing here knows about windows or files. Rows come in a stable order
// (display name, then id) so sorting and filtering stay the screen's job.
#include "trainer/content/change_model.hpp"
#include "trainer/core/clock.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace trainer::cards {
struct MasterySummary; // cards/review_service.hpp
} // namespace trainer::cards

namespace trainer::dashboard {

using content::Phase;

// One agent in the team table. Optional figures print as "—" when absent.
struct TeamRow {
    std::string person_id;
    std::string display_name;
    std::optional<double> onboarding_percent; // rollout modules passed; null: no modules / no track
    double mastery_percent = 0;               // rollout cards mastered (DESIGN §4.2 rule)
    int mastered = 0;
    int due_backlog = 0;                      // rollout cards due for review now
    std::optional<Phase> phase;               // latest check-in or lead assessment; null: none yet
    std::string phase_source;                 // "self" | "lead" | ""
    std::optional<TimeMs> phase_at_ms;
    std::optional<double> qa_score;           // QA score of TeamOverview::qa_period (Hooks::qa_score)
    std::optional<double> motivation_index;   // filled by the QA feature (Hooks::motivation_index)
};

struct TeamOverview {
    std::string team_id;
    std::string team_name;
    std::string rollout_id;  // "" when the team has no rollout: all cards of the content count
    content::LocalText rollout_title;
    TimeMs as_of_ms = 0;
    int cards = 0;           // standards counted for mastery
    std::vector<TeamRow> rows;
    // Team figures (what the summary line and the report header show).
    double mean_mastery_percent = 0;
    std::optional<double> mean_onboarding_percent;
    int total_due_backlog = 0;
    std::string qa_period;             // the period of the QA column ("2026-12"); "" without QA
    std::array<int, 4> phase_counts{}; // by Phase, current phase
    int no_phase = 0;                  // agents with no check-in or assessment yet
};

// Mastery heatmap: agents (rows) × standards (columns).
enum class Cell : std::uint8_t { NotStarted = 0, Learning = 1, Mastered = 2 };
struct Heatmap {
    std::vector<std::string> person_ids;    // rows, same order as TeamOverview::rows
    std::vector<std::string> display_names;
    std::vector<std::string> card_ids;      // columns, content (deck) order
    std::vector<std::string> deck_ids;      // per column
    std::vector<Cell> cells;                // row-major: cells[row * card_ids.size() + col]
    Cell at(std::size_t row, std::size_t col) const { return cells[row * card_ids.size() + col]; }
    std::vector<double> card_mastery_percent; // per column: share of agents who mastered it
};

// Phase distribution per ISO week: each agent's phase as of the end of the week.
struct PhaseWeek {
    std::string iso_week;   // "2026-W37"
    TimeMs monday_ms = 0;   // 00:00 UTC on the Monday
    std::array<int, 4> counts{}; // by Phase
    int no_phase = 0;
};
struct PhaseDistribution {
    std::vector<PhaseWeek> weeks; // oldest first
};

// A skill sign-off waiting for the lead (from the onboarding feature through Hooks::signoff_queue).
struct SignoffItem {
    std::string person_id;
    std::string display_name;
    std::string module_id;
    TimeMs requested_ms = 0;
    bool yours = true; // the viewer may sign it (onboarding::may_sign); else their team lead signs
};
struct SignoffQueue {
    bool available = false; // false until the onboarding feature provides the hook: show "—"
    std::vector<SignoffItem> items; // oldest request first
};

struct MaturityPoint {
    std::string date;
    int total = 0;
    content::MaturityBand band = content::MaturityBand::Alarm;
};

// Figures owned by other features, plugged in by the app when they exist. Each takes the agents
// of the table and returns a value per person id (a missing person shows "—").
struct Hooks {
    using PerPerson = std::function<std::map<std::string, double>(const std::vector<std::string>& people, TimeMs now)>;
    PerPerson onboarding_percent; // overrides the rollout-modules figure (onboarding track progress)
    PerPerson qa_score;           // the QA score of the current period, 0..100 (docs/figures.md)
    std::function<std::string(TimeMs now)> qa_period; // that period's label ("2026-12")
    // The current period's motivation index. `mastery`: each agent's mastery of every standard of
    // the content, from the overview's one read of the team's schedules (the index's mastery
    // component, so the hook reads no schedule again).
    std::function<std::map<std::string, double>(const std::vector<std::string>& people, TimeMs now,
                                                const std::map<std::string, cards::MasterySummary>& mastery)>
        motivation_index;
    std::function<std::vector<SignoffItem>(const std::string& team_id)> signoff_queue;
};

// ISO-8601 week of a UTC day number: "2026-W01"; and the Monday of that week.
std::string iso_week_of(std::int64_t day);
std::int64_t monday_of(std::int64_t day);

} // namespace trainer::dashboard
