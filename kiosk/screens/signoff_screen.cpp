#include "kiosk/screens/signoff_screen.hpp"
#include "trainer/onboarding/pass_mark.hpp"

#include "trainer/cards/browse.hpp"
#include "trainer/i18n/format.hpp"
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
    // Everything but the sign button scrolls: at 1024x600 the steps still get most of the height,
    // and the note and the tally scroll into view under them.
    const float footer_h = ui.px(theme::kTouch) + ImGui::GetStyle().ItemSpacing.y * 2 + ui.px(8);
    ImGui::BeginChild("##form", ImVec2(0, -footer_h), false);
    widgets::text(ui.fonts.large, request.module_title, theme::kAccent);
    widgets::text(ui.fonts.body, ui.tr("sign.intro"), theme::kMuted);
    ImGui::Spacing();
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
    ImGui::Spacing();
    widgets::text(ui.fonts.small, ui.tr("sign.note"), theme::kMuted);
    ImGui::InputTextMultiline("##note", &note, ImVec2(-1, ui.px(64)));
    if (!message.empty()) widgets::text(ui.fonts.body, message, theme::kWarn);
    ImGui::EndChild();
    const int total = static_cast<int>(request.steps.size());
    const bool passes = trainer::onboarding::score_checklist(shown.size(), request.steps.size(), request.pass_mark).passed;
    // Keys 1-9 tick steps and Enter goes on to the PIN, as the buttons do.
    for (char d : input::digits_pressed()) {
        const std::size_t i = static_cast<std::size_t>(d - '1');
        if (d < '1' || i >= request.steps.size()) continue;
        if (!shown.erase(request.steps[i].id)) shown.insert(request.steps[i].id);
    }
    // The footer: the button, and beside it (or under it, in a narrow window) the tally.
    const float button_w = std::min(ui.px(360), ImGui::GetContentRegionAvail().x * 0.45f);
    if (widgets::key_button(ui, ui.tr("sign.with_pin"), input::Key::Enter, button_w, true,
                            !ImGui::GetIO().WantTextInput))
        intent = BeginSignature{};
    ImGui::SameLine(0, ui.px(16));
    const std::string tally =
        ui.tr("sign.tally", {{"shown", std::to_string(shown.size())}, {"total", std::to_string(total)},
                             {"mark", trainer::i18n::format_percent(request.pass_mark * 100, 0, ui.locale)}}) +
        "  —  " + ui.tr(passes ? "sign.would_pass" : "sign.would_fail");
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, passes ? theme::kGood : theme::kWarn);
    ImGui::TextWrapped("%s", tally.c_str());
    ImGui::PopStyleColor();
    return intent;
}

} // namespace kiosk
