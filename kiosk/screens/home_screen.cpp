#include "kiosk/screens/home_screen.hpp"
#include "trainer/i18n/format.hpp"

#include "kiosk/input.hpp"
#include "kiosk/screens/lead_home_panel.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

namespace kiosk {

Intent HomeScreen::draw(const UiContext& ui, const HomeView& v, const trainer::content::ContentSet& set) {
    Intent intent;
    // Everything scrolls (a lead's list of what waits can be long in a small window).
    ImGui::BeginChild("##home");
    widgets::text(ui.fonts.title, ui.tr("home.greeting", {{"name", v.name}}), theme::kInk);
    if (v.lead) {
        ImGui::Spacing();
        if (const Intent lead = draw_lead_home(ui, *v.lead, set); !is_none(lead)) intent = lead;
        ImGui::Spacing();
    }
    const int waiting = v.due + v.fresh;
    widgets::text(ui.fonts.large,
                  waiting > 0 ? ui.count("home.waiting", waiting) : ui.tr("home.all_done"), theme::kInk);
    if (v.fresh > 0) widgets::text(ui.fonts.body, ui.count("home.fresh", v.fresh), theme::kMuted);
    if (!v.coaching_reasons.empty()) {
        ImGui::Spacing();
        widgets::caption(ui, ui.tr("home.coaching"));
        // A few lines at most: the review itself brings these cards first anyway.
        const std::size_t shown = all_reasons ? v.coaching_reasons.size() : 4;
        for (std::size_t i = 0; i < v.coaching_reasons.size() && i < shown; ++i)
            widgets::bullet(ui.fonts.body, v.coaching_reasons[i], theme::kInk);
        // "and 3 more" is a button: a tap shows the rest.
        if (v.coaching_reasons.size() > shown &&
            widgets::button(ui, ui.count("home.coaching_more", static_cast<long long>(v.coaching_reasons.size() - shown))))
            all_reasons = true;
    }
    if (v.has_tracks) {
        ImGui::Spacing();
        widgets::caption(ui, ui.tr("home.onboarding"));
        widgets::text(ui.fonts.body,
                      v.next_module.empty() ? ui.tr("home.onboarding_done", {{"percent", trainer::i18n::format_percent(v.onboarding_percent, 0, ui.locale)}})
                                            : ui.tr("home.onboarding_next", {{"percent", trainer::i18n::format_percent(v.onboarding_percent, 0, ui.locale)},
                                                                             {"module", v.next_module}}),
                      theme::kInk);
    }
    ImGui::Spacing();
    if (v.total > 0) {
        widgets::text(ui.fonts.small,
                      ui.tr("home.mastery", {{"m", std::to_string(v.mastered)}, {"n", std::to_string(v.total)}}),
                      theme::kMuted);
        ImGui::ProgressBar(static_cast<float>(v.mastered) / static_cast<float>(v.total),
                           ImVec2(ui.px(480), ui.px(10)), "");
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(waiting == 0);
    if (widgets::key_button(ui, ui.tr("home.start_review"), input::Key::Enter, ui.px(320), true, waiting > 0))
        intent = StartReview{};
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button(ui, ui.tr("home.browse"), ui.px(320))) intent = ShowDecks{};
    ImGui::Spacing();
    // Second row: onboarding and one's own scores; a lead's dashboard and sign-in help.
    bool first = true;
    auto next = [&]() {
        if (!first) ImGui::SameLine();
        first = false;
    };
    if (v.has_tracks) {
        next();
        if (widgets::button(ui, ui.tr("home.tracks"), ui.px(320))) intent = ShowTracks{};
    }
    if (v.has_scores) {
        next();
        if (widgets::button(ui, ui.tr("home.scores"), ui.px(320))) intent = ShowScores{};
    }
    if (v.leads) {
        next();
        if (widgets::button(ui, ui.tr("home.dashboard"), ui.px(320))) intent = ShowDashboard{};
        next();
        if (widgets::button(ui, ui.tr("home.team"), ui.px(320))) intent = ShowTeam{};
    }
    ImGui::EndChild();
    return intent;
}

} // namespace kiosk
