// A module's attitude scenarios (DESIGN §4.3): responses valued from the customer's side, a private reflection.
#include "kiosk/screens/module_screen.hpp"
#include "trainer/i18n/format.hpp"
#include "kiosk/screens/module_text.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace kiosk {

using trainer::onboarding::ModuleView;

Intent ModuleScreen::draw_scenarios(const UiContext& ui, const ModuleView& v) {
    Intent intent;
    const trainer::onboarding::ScenarioView* current = nullptr;
    int answered = 0;
    for (const auto& s : v.scenarios) answered += s.answered ? 1 : 0;
    for (const auto& s : v.scenarios)
        if ((!shown_scenario.empty() && s.id == shown_scenario) || (shown_scenario.empty() && !s.answered)) {
            current = &s;
            break;
        }
    if (!current) {
        if (v.passed) {
            widgets::text(ui.fonts.large,
                          ui.tr("onb.scenarios_done", {{"score", trainer::i18n::format_number(v.passed->score, 2, ui.locale)}}),
                          theme::kGood);
        }
        widgets::text(ui.fonts.body, ui.tr("onb.scenarios_review"), theme::kMuted);
        for (const auto& s : v.scenarios) {
            ImGui::Spacing();
            widgets::text(ui.fonts.body, s.situation, theme::kInk);
            for (const auto& o : s.options)
                if (o.chosen) {
                    widgets::text(ui.fonts.small, "→ " + o.text, theme::kAccent);
                    feedback_line(ui, o.feedback, o.value > 0 ? theme::kGood : theme::kWarn);
                }
        }
        return intent;
    }
    const auto index = static_cast<int>(current - v.scenarios.data());
    widgets::text(ui.fonts.small, ui.tr("onb.scenario_of", {{"n", std::to_string(index + 1)}, {"total", std::to_string(v.scenarios.size())}}),
                  theme::kMuted);
    widgets::text(ui.fonts.large, current->situation, theme::kInk);
    ImGui::Spacing();
    widgets::text(ui.fonts.small, ui.tr(current->answered ? "onb.customer_feels" : "onb.what_do_you_do"), theme::kMuted);
    for (const auto& o : current->options) {
        widgets::Look look = widgets::Look::Plain;
        if (current->answered) look = o.chosen ? (o.value > 0 ? widgets::Look::Right : widgets::Look::Wrong) : widgets::Look::Dim;
        else if (scenario_option == o.id) look = widgets::Look::Selected;
        std::string label = o.text;
        if (current->answered) label += "   (" + std::string(o.value > 0 ? "+" : "") + std::to_string(o.value) + ")";
        if (widgets::choice(ui, o.id, label, look, !current->answered)) scenario_option = o.id;
        if (current->answered) feedback_line(ui, o.feedback, o.chosen ? theme::kInk : theme::kMuted);
    }
    ImGui::Spacing();
    if (!current->answered) {
        if (!current->reflection_prompt.empty()) {
            widgets::text(ui.fonts.body, current->reflection_prompt, theme::kInk);
            widgets::text(ui.fonts.small, ui.tr("onb.private"), theme::kMuted);
            ImGui::InputTextMultiline("##reflection", &reflection, ImVec2(-1, ui.px(96)));
        }
        for (char d : input::digits_pressed()) {
            const std::size_t i = static_cast<std::size_t>(d - '1');
            if (d >= '1' && i < current->options.size()) scenario_option = current->options[i].id;
        }
        action = Action{ui.tr("onb.answer"), !scenario_option.empty(), [this, id = current->id] {
                            shown_scenario = id;
                            return Intent{AnswerScenario{id, scenario_option, reflection}};
                        }};
    } else {
        if (!current->reflection.empty()) {
            widgets::caption(ui, ui.tr("onb.your_reflection"));
            widgets::text(ui.fonts.body, current->reflection, theme::kInk);
        }
        const bool last = answered >= static_cast<int>(v.scenarios.size());
        action = Action{ui.tr(last ? "onb.see_result" : "onb.next_scenario"), true, [this] {
                            shown_scenario.clear();
                            scenario_option.clear();
                            reflection.clear();
                            return Intent{};
                        }};
    }
    return intent;
}

} // namespace kiosk
