#pragma once
// `trainer report rollout`: the dashboard's figures for one team and rollout as CSV, JSON or one
// self-contained HTML file (DESIGN §4.6). Every format is rendered from the same RolloutReport,
// built by the DashboardService, so the numbers equal the dashboard's.
#include "trainer/dashboard/dashboard.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace trainer::dashboard {

// The QA and motivation sections (docs/figures.md "QA score"); filled by app::add_quality_section
// when QA content is loaded, else `available` stays false and the report says there is none.
struct QaPeriod {
    std::string period;                 // "2026-11"
    std::optional<double> team_percent; // the team's QA score of the period
    int evaluations = 0;
    int people = 0;                     // members with a score
    bool passes = false;                // team_percent reaches the pass mark (quality/pass_mark.hpp)
};
struct MotivationLine {
    std::string person_id, display_name;
    std::optional<double> quality; // the person's QA score of the period
    int evaluations = 0;
    double index = 0;
    bool eligible = false;
};
struct QualitySection {
    bool available = false;
    std::string period;                  // the current period ("2026-12")
    std::vector<QaPeriod> qa_trend;      // oldest first, ending with `period`
    std::vector<MotivationLine> motivation; // the team table's order
    std::optional<double> mean_index;
    int eligible = 0;
    double qa_pass_mark = 85.0;          // the motivation config's `qa_pass_mark`: the chart's dashed line
};

struct RolloutReport {
    QualitySection quality;
    TeamOverview overview;
    Heatmap heatmap;
    PhaseDistribution phases;
    std::vector<MaturityPoint> maturity;
    SignoffQueue signoffs;
    DayRange range;
};

// All figures for the team and rollout; DashboardError / AccessDenied as the service throws them.
RolloutReport build_report(DashboardService& service, const identity::Actor& actor, const std::string& team,
                           const std::string& rollout, const DayRange& range);

// The team table, one row per agent, UTF-8 with a BOM (Excel). `sep` ';' also switches numbers to
// a decimal comma, as Polish and Russian Excel read them. Cells are guarded against formula
// injection: text starting with = + - @ (or tab / CR) gets a leading apostrophe.
std::string render_csv(const RolloutReport& r, char sep);
// Every figure: {"team", "rollout", "as_of", "summary", "agents", "heatmap", "phase_weeks",
// "maturity", "signoff_queue"}.
std::string render_json(const RolloutReport& r);
// One HTML file, no external resources, with one inline <svg> per figure (mastery per agent,
// heatmap, phase distribution, maturity trend); texts in `locale` (en, pl, ru).
std::string render_html(const RolloutReport& r, const content::ContentSet& content, std::string_view locale);

// A CSV cell: guarded, then quoted when it holds the separator, a quote or a line break.
std::string csv_cell(std::string_view text, char sep);
// Percent with one decimal ("62.5", or "62,5" with a decimal comma); "" for no value.
std::string format_percent(std::optional<double> v, char decimal = '.');

// Writes through a temporary file in the same folder and renames it: either the whole report is
// there or nothing is. std::runtime_error naming the path and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view data);

} // namespace trainer::dashboard
