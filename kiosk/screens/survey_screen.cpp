#include "kiosk/screens/survey_screen.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace kiosk {

namespace {

// `label` on one line if it fits `width` in the current font, else split at the space that leaves
// the longer half shortest, each half cut with "…" if it still does not fit.
std::string two_lines(const std::string& label, float width) {
    if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
    std::size_t best = std::string::npos;
    float best_w = 0;
    for (std::size_t at = label.find(' '); at != std::string::npos; at = label.find(' ', at + 1)) {
        const float w = std::max(ImGui::CalcTextSize(label.substr(0, at).c_str()).x,
                                 ImGui::CalcTextSize(label.substr(at + 1).c_str()).x);
        if (best == std::string::npos || w < best_w) best = at, best_w = w;
    }
    if (best == std::string::npos) return widgets::ellipsize(label, width);
    return widgets::ellipsize(label.substr(0, best), width) + "\n" + widgets::ellipsize(label.substr(best + 1), width);
}

} // namespace

SurveyScreen::Result SurveyScreen::draw(const UiContext& ui, const SurveyForm& f) {
    Result result = Result::None;
    if (f.later.empty() && widgets::back_button(ui)) result = Result::Back;
    widgets::text(ui.fonts.title, f.title, theme::kInk);
    if (!f.intro.empty()) widgets::text(ui.fonts.body, f.intro, theme::kMuted);
    const float footer = ui.px(theme::kTouch) + ui.px(40) + (message.empty() ? 0 : ui.px(30));
    ImGui::BeginChild("##items", ImVec2(0, -footer), false);
    const int n = static_cast<int>(f.labels.size());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    for (std::size_t i = 0; i < f.items.size(); ++i) {
        const auto& item = f.items[i];
        ImGui::PushID(item.id.c_str());
        ImGui::Spacing();
        widgets::text(ui.fonts.large, std::to_string(i + 1) + ".  " + item.text, theme::kInk);
        const float w = std::min(ui.px(200), (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(n - 1)) / static_cast<float>(n));
        const auto it = answers.find(item.id);
        for (int v = 0; v < n; ++v) {
            if (v) ImGui::SameLine();
            ImGui::PushID(v);
            const bool on = it != answers.end() && it->second == f.min + v;
            ImGui::PushFont(ui.fonts.small);
            // A label wider than its button ("Применяется полностью") goes on two lines, and only
            // what still does not fit is cut with "…".
            const std::string fitted =
                two_lines(f.labels[static_cast<std::size_t>(v)], w - 2 * ImGui::GetStyle().FramePadding.x - 2.0f);
            if (widgets::button(ui, fitted + "##" + std::to_string(v), w, on)) answers[item.id] = f.min + v;
            ImGui::PopFont();
            ImGui::PopID();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::Separator();
    const bool complete = std::all_of(f.items.begin(), f.items.end(), [&](const SurveyItem& i) { return answers.count(i.id) > 0; });
    if (!message.empty()) widgets::text(ui.fonts.body, message, theme::kWarn);
    ImGui::BeginDisabled(!complete);
    if (widgets::button(ui, f.submit, ui.px(320), true)) result = Result::Submit;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (!f.later.empty() && widgets::button(ui, f.later, ui.px(240))) result = Result::Later;
    ImGui::SameLine(0, ui.px(24));
    ImGui::AlignTextToFramePadding();
    if (f.show_total) {
        int total = 0;
        for (const auto& [id, v] : answers) total += v;
        std::string s = ui.tr("survey.total", {{"total", std::to_string(total)},
                                              {"max", std::to_string((f.min + n - 1) * static_cast<int>(f.items.size()))}});
        if (complete && !f.total_readings.empty()) s += "  —  " + f.total_readings.front();
        ImGui::TextColored(theme::kInk, "%s", s.c_str());
    } else {
        ImGui::TextColored(theme::kMuted, "%s",
                           ui.tr("survey.answered", {{"n", std::to_string(answers.size())}, {"total", std::to_string(f.items.size())}}).c_str());
    }
    return result;
}

} // namespace kiosk
