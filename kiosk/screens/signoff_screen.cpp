#include "kiosk/screens/signoff_screen.hpp"
#include "trainer/onboarding/pass_mark.hpp"

#include "trainer/cards/browse.hpp"
#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

void SignoffScreen::open(trainer::onboarding::SignoffRequest r) {
    *this = SignoffScreen{};
    request = std::move(r);
}

Intent SignoffScreen::draw(const UiContext& ui, const trainer::content::ContentSet& set) {
    Intent intent;
    if (widgets::header_stacked(ui, ui.tr("sign.heading", {{"name", request.display_name}}))) intent = Back{};
    widgets::text(ui.fonts.large, request.module_title, theme::kAccent);
    widgets::text(ui.fonts.body, ui.tr("sign.intro"), theme::kMuted);
    ImGui::Spacing();
    const float bottom_h = ui.px(theme::kTouch) * 2 + ui.px(150);
    ImGui::BeginChild("##steps", ImVec2(0, -bottom_h), false);
    for (const auto& s : request.steps) {
        const bool on = shown.count(s.id) > 0;
        // The standard behind the step, named under it (the lead is watching a call: no links).
        std::string titles;
        for (const auto& card : s.cards) {
            const auto face = trainer::cards::card_face(set, card, ui.locale);
            if (face.id.empty()) continue;
            if (!titles.empty()) titles += "  ·  ";
            titles += face.text.title;
        }
        std::string label = s.text;
        if (!titles.empty()) {
            label += '\n';
            label += ui.tr("sign.standard", {{"title", titles}});
        }
        if (widgets::choice(ui, s.id, label, on ? widgets::Look::Right : widgets::Look::Plain)) {
            if (on) shown.erase(s.id);
            else shown.insert(s.id);
        }
    }
    ImGui::EndChild();
    const int total = static_cast<int>(request.steps.size());
    const bool passes = trainer::onboarding::score_checklist(shown.size(), request.steps.size(), request.pass_mark).passed;
    widgets::text(ui.fonts.body,
                  ui.tr("sign.tally", {{"shown", std::to_string(shown.size())}, {"total", std::to_string(total)},
                                       {"mark", std::to_string(static_cast<int>(std::lround(request.pass_mark * 100))) + " %"}}) +
                      "  —  " + ui.tr(passes ? "sign.would_pass" : "sign.would_fail"),
                  passes ? theme::kGood : theme::kWarn);
    widgets::text(ui.fonts.small, ui.tr("sign.note"), theme::kMuted);
    ImGui::InputTextMultiline("##note", &note, ImVec2(-1, ui.px(64)));
    if (!message.empty()) widgets::text(ui.fonts.body, message, theme::kWarn);
    // Keys 1-9 tick steps and Enter goes on to the PIN, as the buttons do.
    for (char d : input::digits_pressed()) {
        const std::size_t i = static_cast<std::size_t>(d - '1');
        if (d < '1' || i >= request.steps.size()) continue;
        if (!shown.erase(request.steps[i].id)) shown.insert(request.steps[i].id);
    }
    if (widgets::key_button(ui, ui.tr("sign.with_pin"), input::Key::Enter, ui.px(360), true,
                            !ImGui::GetIO().WantTextInput))
        intent = BeginSignature{};
    return intent;
}

} // namespace kiosk
