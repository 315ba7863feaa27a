#include "kiosk/screens/evaluation_screen.hpp"
#include "trainer/i18n/format.hpp"

#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

using trainer::quality::Outcome;

void EvaluationScreen::open(trainer::quality::EvaluationForm f, const std::string& person_id, const std::string& name) {
    *this = EvaluationScreen{};
    form = std::move(f);
    agent_name = name;
    draft.person_id = person_id;
    draft.scorecard_id = form.scorecard_id;
    draft.date = form.today;
    if (!form.channels.empty()) draft.channel = form.channels.front();
}

Intent EvaluationScreen::draw(const UiContext& ui) {
    Intent intent;
    if (widgets::header(ui, ui.tr("qa.evaluating", {{"name", agent_name}}))) intent = Back{};
    // Everything but the sign button and the live score scrolls, so a small window still shows
    // several criteria at once (the scorecard, channel, date and comment scroll with them).
    const float footer = ui.px(theme::kTouch) + ImGui::GetStyle().ItemSpacing.y * 2 + ui.px(8) +
                         ui.px(24) * static_cast<float>(problems.size());
    ImGui::BeginChild("##criteria", ImVec2(0, -footer), false);
    if (form.scorecards.size() > 1) { // call, chat or e-mail: the lead picks what was listened to
        bool first = true;
        for (const auto& sc : form.scorecards) {
            // The buttons wrap to the next line rather than run past a small window's edge.
            const float w = ImGui::CalcTextSize(sc.title.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
            if (!first) {
                ImGui::SameLine();
                if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
            }
            first = false;
            ImGui::PushID(sc.id.c_str());
            if (widgets::button(ui, sc.title, 0.0f, sc.id == form.scorecard_id) && sc.id != form.scorecard_id)
                wanted_scorecard = sc.id;
            ImGui::PopID();
        }
    } else {
        widgets::text(ui.fonts.body, form.title, theme::kAccent);
    }
    // Channel and date on one line (the date goes under the channels when they fill it).
    for (const auto& c : form.channels) {
        ImGui::PushID(c.c_str());
        const std::string key = "qa.channel." + c;
        const std::string label = ui.tr(key) == key ? c : ui.tr(key);
        if (widgets::button(ui, label, 0.0f, draft.channel == c)) draft.channel = c;
        ImGui::PopID();
        ImGui::SameLine();
    }
    const float date_w = ImGui::CalcTextSize(ui.tr("qa.date").c_str()).x + ui.px(170 + 40 + 190); // label, field, the date in words
    if (ImGui::GetContentRegionAvail().x > date_w) ImGui::SameLine(0, ui.px(24));
    else ImGui::NewLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(ui.tr("qa.date").c_str());
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui.px(170));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui.px(12), ui.px(12)));
    ImGui::InputText("##date", &draft.date, ImGuiInputTextFlags_CharsDecimal | ImGuiInputTextFlags_CharsNoBlank);
    ImGui::PopStyleVar();
    // The field takes the records' form (YYYY-MM-DD); the date it names is echoed in words beside it.
    if (const std::string said = trainer::i18n::format_iso_day(draft.date, ui.locale, trainer::i18n::DateStyle::Long);
        said != draft.date) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(theme::kMuted, "%s", said.c_str());
    }

    const float bw = ui.px(150);
    for (const auto& s : form.sections) {
        ImGui::Spacing();
        widgets::caption(ui, s.title);
        for (const auto& c : s.criteria) {
            ImGui::PushID(c.id.c_str());
            const float text_w = ImGui::GetContentRegionAvail().x - 3 * (bw + ImGui::GetStyle().ItemSpacing.x);
            ImGui::BeginGroup();
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
            ImGui::TextUnformatted(c.title.c_str());
            if (c.critical) {
                ImGui::SameLine();
                widgets::chip(ui, ui.tr("qa.critical"), theme::kWarn, theme::kWarnSoft);
            }
            ImGui::PushFont(ui.fonts.small);
            ImGui::TextColored(theme::kMuted, "%s", c.description.c_str());
            ImGui::PopFont();
            ImGui::PopTextWrapPos();
            ImGui::EndGroup();
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - 3 * bw - 2 * ImGui::GetStyle().ItemSpacing.x);
            const auto it = draft.outcomes.find(c.id);
            auto option = [&](Outcome o, const char* key, bool enabled) {
                const bool on = it != draft.outcomes.end() && it->second == o;
                ImGui::BeginDisabled(!enabled);
                ImGui::PushID(static_cast<int>(o));
                if (widgets::button(ui, ui.tr(key), bw, on)) draft.outcomes[c.id] = o;
                ImGui::PopID();
                ImGui::EndDisabled();
            };
            option(Outcome::Met, "qa.met", true);
            ImGui::SameLine();
            option(Outcome::NotMet, "qa.not_met", true);
            ImGui::SameLine();
            option(Outcome::NotApplicable, "qa.na", c.allow_na);
            ImGui::Separator();
            ImGui::PopID();
        }
    }
    ImGui::Spacing();
    ImGui::SetNextItemWidth(-1);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui.px(12), ui.px(12)));
    ImGui::InputTextWithHint("##comment", ui.tr("qa.comment_hint").c_str(), &draft.comment);
    ImGui::PopStyleVar();
    ImGui::EndChild();
    for (const auto& p : problems) widgets::text(ui.fonts.small, p, theme::kWarn);
    std::size_t criteria = 0;
    for (const auto& s : form.sections) criteria += s.criteria.size();
    const bool complete = draft.outcomes.size() == criteria;
    ImGui::BeginDisabled(!complete);
    if (widgets::button(ui, ui.tr("sign.with_pin"), std::min(ui.px(360), ImGui::GetContentRegionAvail().x * 0.4f), true))
        intent = BeginSignature{};
    ImGui::EndDisabled();
    ImGui::SameLine(0, ui.px(24));
    ImGui::PushFont(ui.fonts.large);
    ImGui::AlignTextToFramePadding();
    const std::string score = preview.scored ? trainer::i18n::format_percent(preview.percent, 0, ui.locale) : std::string(trainer::i18n::kNoValue);
    ImGui::TextColored(preview.critical_failed ? theme::kWarn : theme::kInk, "%s",
                       ui.tr("qa.preview", {{"score", score}}).c_str());
    ImGui::PopFont();
    if (!complete) {
        ImGui::SameLine(0, ui.px(16));
        ImGui::AlignTextToFramePadding();
        ImGui::TextColored(theme::kMuted, "%s",
                           ui.tr("survey.answered", {{"n", std::to_string(draft.outcomes.size())}, {"total", std::to_string(criteria)}}).c_str());
    }
    return intent;
}

} // namespace kiosk
