#include "kiosk/screens/home_screen.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

namespace kiosk {

Intent HomeScreen::draw(const UiContext& ui, const HomeView& v) {
    Intent intent;
    widgets::text(ui.fonts.title, ui.tr("home.greeting", {{"name", v.name}}), theme::kInk);
    const int waiting = v.due + v.fresh;
    widgets::text(ui.fonts.large,
                  waiting > 0 ? ui.count("home.waiting", waiting) : ui.tr("home.all_done"), theme::kInk);
    if (v.fresh > 0) widgets::text(ui.fonts.body, ui.count("home.fresh", v.fresh), theme::kMuted);
    if (!v.coaching_reasons.empty()) {
        ImGui::Spacing();
        widgets::caption(ui, ui.tr("home.coaching"));
        for (const auto& r : v.coaching_reasons) widgets::text(ui.fonts.body, "•  " + r, theme::kInk);
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
    if (widgets::button(ui, ui.tr("home.start_review"), ui.px(320), true) ||
        (waiting > 0 && input::pressed(input::Key::Enter)))
        intent = StartReview{};
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (widgets::button(ui, ui.tr("home.browse"), ui.px(320))) intent = ShowDecks{};
    if (v.leads) {
        ImGui::SameLine();
        if (widgets::button(ui, ui.tr("home.team"), ui.px(320))) intent = ShowTeam{};
    }
    return intent;
}

} // namespace kiosk
