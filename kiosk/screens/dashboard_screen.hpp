#pragma once
// The team lead's rollout dashboard (DESIGN §4.6): the team table (sortable, filterable, a tap
// drills into one person), the mastery heatmap, the weekly phase distribution, the sign-off queue
// and the service-maturity trend. Charts are drawn with ImDrawList in a colour-blind-safe palette
// and always carry numbers or a legend, never colour alone.
#include "kiosk/intent.hpp"
#include "kiosk/ui_context.hpp"
#include "trainer/content/model.hpp"
#include "trainer/dashboard/view_models.hpp"
#include "trainer/quality/motivation.hpp"

#include <optional>

#include <string>
#include <utility>
#include <vector>

namespace kiosk {

struct DashboardData {
    std::vector<std::pair<std::string, std::string>> teams; // (id, name) the lead may see
    std::string team_id;
    trainer::dashboard::TeamOverview overview;
    trainer::dashboard::Heatmap heatmap;
    trainer::dashboard::PhaseDistribution phases;
    trainer::dashboard::SignoffQueue signoffs;
    std::vector<trainer::dashboard::MaturityPoint> maturity;
    // Quality: the team's motivation roll-up this period, and its mean QA score by month.
    std::optional<trainer::quality::TeamRollup> rollup;
    struct QaMonth {
        std::string period;
        int evaluations = 0;
        std::optional<double> mean;
    };
    std::vector<QaMonth> qa_months; // oldest first
    double qa_pass_mark = 85;       // from the motivation config (trainer::quality::MotivationConfig)
    std::string problem; // why the figures could not be read (translated)
};

struct DashboardScreen {
    enum class Tab { Team, Heatmap, Phases, Quality, Signoffs, Maturity };
    Tab tab = Tab::Team;
    std::string filter;
    int sort_column = 0; // 0 name, 1 onboarding, 2 mastery, 3 backlog, 4 phase, 5 QA, 6 motivation
    bool sort_descending = false;

    Intent draw(const UiContext& ui, const DashboardData& data, const trainer::content::ContentSet& set);

private:
    Intent draw_table(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set);
    void draw_heatmap(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set);
    void draw_phases(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set);
    void draw_quality(const UiContext& ui, const DashboardData& d);
    Intent draw_signoffs(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set);
    Intent draw_maturity(const UiContext& ui, const DashboardData& d, const trainer::content::ContentSet& set);
};

// Shared by the dashboard and the person screen.
std::string phase_name(const UiContext& ui, const trainer::content::ContentSet& set, int phase);
// A figure in the locale (i18n/format): a percentage ("62 %" in ru, "62%" in pl), or with unit ""
// a number with one decimal ("81,2"); "—" when absent.
std::string figure(std::string_view locale, const std::optional<double>& v, const char* unit = " %");

} // namespace kiosk
