#include "kiosk/screens/person_screen.hpp"
#include "trainer/quality/pass_mark.hpp"

#include "kiosk/input.hpp"

#include "kiosk/screens/dashboard_screen.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/screen_parts.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/core/org_time_zone.hpp"
#include "trainer/core/time.hpp"
#include "trainer/i18n/format.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

ImU32 col(const ImVec4& c) { return ImGui::GetColorU32(c); }

std::string fixed(std::string_view locale, double v, int decimals) {
    return trainer::i18n::format_number(v, decimals, locale);
}

// A small figure block: label above, big number below.
void stat(const UiContext& ui, const std::string& label, const std::string& value, float w) {
    ImGui::BeginGroup();
    widgets::text(ui.fonts.small, label, theme::kMuted);
    widgets::text(ui.fonts.large, value, theme::kInk);
    ImGui::EndGroup();
    ImGui::SameLine(0, std::max(0.0f, w - ImGui::GetItemRectSize().x));
}

// One past evaluation's criteria as the lead marked them, in the scorecard's order.
void draw_outcomes(const UiContext& ui, const trainer::quality::Evaluation& e, const trainer::content::ContentSet& set) {
    const trainer::content::Scorecard* sc = set.quality ? set.quality->find(e.scorecard_id) : nullptr;
    for (const auto& c : e.criteria) {
        const trainer::content::Criterion* def = sc ? sc->find_criterion(c.criterion_id) : nullptr;
        const std::string title = def ? trainer::content::pick(def->title, ui.locale) : c.criterion_id;
        using trainer::quality::Outcome;
        const char* key = c.outcome == Outcome::Met ? "qa.met" : c.outcome == Outcome::NotMet ? "qa.not_met" : "qa.na";
        const ImVec4 colour = c.outcome == Outcome::NotMet ? theme::kWarn : c.outcome == Outcome::Met ? theme::kGood : theme::kMuted;
        widgets::text(ui.fonts.small, ui.tr(key) + "  ·  " + title + (def && def->critical ? "  ·  " + ui.tr("qa.critical") : ""),
                      colour);
    }
}

} // namespace

void draw_scores(const UiContext& ui, const trainer::quality::AgentScores& s,
                 const std::optional<trainer::quality::MotivationRow>& m, const trainer::quality::MotivationConfig& config,
                 const trainer::content::ContentSet& set, std::string* open_id) {
    if (m) {
        widgets::caption(ui, ui.tr("qa.motivation", {{"period", trainer::i18n::format_period_label(m->period, ui.locale)}}));
        widgets::text(ui.fonts.large,
                      ui.tr(m->eligible ? "qa.eligible" : "qa.not_eligible", {{"index", fixed(ui.locale, m->index, 1)}}),
                      m->eligible ? theme::kGood : theme::kWarn);
        std::string parts;
        for (const auto& [k, v] : m->components)
            parts += (parts.empty() ? "" : "  ·  ") + ui.tr("qa.component." + k) + " " + fixed(ui.locale, v, 0);
        widgets::text(ui.fonts.small, parts, theme::kMuted);
        const trainer::i18n::Args args = {{"n", std::to_string(m->evaluations)},
                                          {"min", std::to_string(config.min_evaluations)},
                                          {"quality", figure(ui.locale, m->quality)},
                                          {"gate", figure(ui.locale, config.min_quality)},
                                          {"period", trainer::i18n::format_period_label(m->period, ui.locale)}};
        for (const auto& r : m->reasons) {
            const std::string key = "qa.reason." + r.code;
            const std::string t = ui.tr(key, args);
            widgets::bullet(ui.fonts.small, t == key ? r.text : t, theme::kInk);
        }
        ImGui::Spacing();
    }
    widgets::caption(ui, ui.tr("qa.trend"));
    // Monthly quality as bars (0..100) with the number on top; CSAT and NPS as text below.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const float h = ui.px(120);
    const float slot = std::min(ui.px(110), ImGui::GetContentRegionAvail().x / static_cast<float>(std::max<std::size_t>(1, s.trend.size())));
    const float bar = std::min(ui.px(48), slot * 0.6f);
    std::size_t most_lines = 3;
    for (std::size_t i = 0; i < s.trend.size(); ++i) {
        const auto& t = s.trend[i];
        const float x = o.x + static_cast<float>(i) * slot;
        if (t.quality) {
            const float top = o.y + h - h * static_cast<float>(*t.quality / 100.0);
            dl->AddRectFilled(ImVec2(x, top), ImVec2(x + bar, o.y + h), col(trainer::quality::meets_qa_pass_mark(*t.quality, config.qa_pass_mark) ? theme::kOkBlue : theme::kOkOrange));
            dl->AddText(ImVec2(x, top - ImGui::GetTextLineHeight()), col(theme::kInk), figure(ui.locale, t.quality).c_str());
        } else {
            dl->AddText(ImVec2(x + ui.px(14), o.y + h - ImGui::GetTextLineHeight()), col(theme::kMuted), "—");
        }
        dl->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(x, o.y + h + ui.px(4)), col(theme::kMuted),
                    widgets::period_axis_label(ui, t.period, i ? std::string_view(s.trend[i - 1].period) : std::string_view()).c_str());
        // Customer feedback under the month, one figure a line; where "CSAT 100 %" is wider than the
        // column (ru at 1024 px), its name and figure take a line each instead of "CSAT…".
        std::vector<std::string> fb;
        ImGui::PushFont(ui.fonts.small);
        const auto add = [&](const char* name, const std::string& value) {
            const std::string line = std::string(name) + " " + value;
            if (ImGui::CalcTextSize(line.c_str()).x <= slot - ui.px(6)) {
                fb.push_back(line);
            } else {
                fb.emplace_back(name);
                fb.push_back(value);
            }
        };
        if (t.csat_percent) add("CSAT", figure(ui.locale, t.csat_percent));
        if (t.nps) add("NPS", fixed(ui.locale, *t.nps, 0));
        if (t.ces_mean) add("CES", fixed(ui.locale, *t.ces_mean, 1));
        most_lines = std::max(most_lines, fb.size());
        for (std::size_t k = 0; k < fb.size(); ++k)
            dl->AddText(ui.fonts.small, ui.fonts.small->FontSize,
                        ImVec2(x, o.y + h + ui.px(28) + static_cast<float>(k + 1) * ui.fonts.small->FontSize), col(theme::kMuted),
                        widgets::ellipsize(fb[k], slot - ui.px(6)).c_str());
        ImGui::PopFont();
    }
    dl->AddLine(ImVec2(o.x, o.y + h), ImVec2(o.x + slot * static_cast<float>(s.trend.size()), o.y + h), col(theme::kMuted));
    ImGui::Dummy(ImVec2(slot * static_cast<float>(s.trend.size()),
                        h + ui.px(44) + static_cast<float>(most_lines + 1) * ui.fonts.small->FontSize));
    widgets::caption(ui, ui.tr("qa.evaluations"));
    if (s.evaluations.empty()) {
        widgets::text(ui.fonts.body, ui.tr("qa.none"), theme::kMuted);
        return;
    }
    for (const auto& e : s.evaluations) {
        ImGui::PushID(e.event_id.c_str());
        const std::string score = e.score.scored ? trainer::i18n::format_percent(e.score.percent, 0, ui.locale) : "—";
        ImGui::TextColored(e.score.critical_failed || (e.score.scored && !trainer::quality::meets_qa_pass_mark(e.score.percent, config.qa_pass_mark)) ? theme::kWarn : theme::kInk, "%s", score.c_str());
        ImGui::SameLine(ui.px(90));
        const std::string channel_key = "qa.channel." + e.channel;
        const std::string channel = ui.tr(channel_key);
        std::string line = trainer::i18n::format_iso_day(e.date, ui.locale) + "  ·  " + (channel == channel_key ? e.channel : channel);
        if (!e.scorecard_id.empty() && set.quality)
            if (const auto* sc = set.quality->find(e.scorecard_id)) line += "  ·  " + trainer::content::pick(sc->title, ui.locale);
        if (e.score.critical_failed) line += "  ·  " + ui.tr("qa.critical_failed");
        const bool openable = open_id && !e.criteria.empty();
        const bool is_open = openable && *open_id == e.event_id;
        if (openable) {
            // The row is a touch-sized button that opens the evaluation in place.
            const std::string label = (is_open ? "↓  " : "→  ") + line; // glyphs in the loaded ranges (kiosk/fonts.cpp)
            ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
            if (ImGui::Button(widgets::ellipsize(label, ImGui::GetContentRegionAvail().x - ui.px(24)).c_str(),
                              ImVec2(ImGui::GetContentRegionAvail().x, ui.px(theme::kTouch))))
                *open_id = is_open ? std::string{} : e.event_id;
            ImGui::PopStyleVar();
        } else {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(line.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::Indent(ui.px(90));
        if (is_open) draw_outcomes(ui, e, set);
        if (!e.comment.empty()) widgets::text(ui.fonts.small, "“" + e.comment + "”", theme::kMuted);
        ImGui::Unindent(ui.px(90));
        ImGui::PopID();
    }
}

Intent PersonScreen::draw(const UiContext& ui, const PersonData& d, const trainer::quality::MotivationConfig& config,
                          const trainer::content::ContentSet& set) {
    Intent intent;
    // The lead's actions for this person, at the right of the header: a waiting skills sign-off
    // (one tap to its form) and a new QA evaluation — each as wide as its label (at most 30 % of the
    // row), so the person's name keeps its room ("Anna K.", never "Anna…" beside two wide buttons).
    const float most = std::min(ui.px(300), ImGui::GetContentRegionAvail().x * 0.3f);
    const auto action_w = [&](const char* key) {
        return std::clamp(ImGui::CalcTextSize(ui.tr(key).c_str()).x + ui.px(48), std::min(ui.px(160), most), most);
    };
    const float sign_w = d.signoffs.empty() ? 0.0f : action_w("lead.do_signoff");
    const float eval_w = d.can_evaluate ? action_w("qa.new_evaluation") : 0.0f;
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float actions_w = (sign_w > 0 ? sign_w + gap : 0.0f) + (eval_w > 0 ? eval_w + gap : 0.0f);
    {
        // The name in the title font beside Back: whole, else "Anna K.", before the actions' place.
        const float room = ImGui::GetContentRegionAvail().x - ui.px(170) - actions_w - ui.px(16);
        ImGui::PushFont(ui.fonts.title);
        const std::string title = widgets::fitted_name(d.row.display_name, room);
        ImGui::PopFont();
        if (widgets::header(ui, title)) intent = Back{};
    }
    if (!ImGui::IsAnyItemActive() && input::pressed(input::Key::Escape)) intent = Back{};
    {
        if (actions_w > 0) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - actions_w + gap);
        if (!d.signoffs.empty()) {
            const auto& s = d.signoffs.front();
            if (widgets::button(ui, widgets::ellipsize(ui.tr("lead.do_signoff"), sign_w - ui.px(24)), sign_w, true))
                intent = OpenSignoff{s.person_id, s.module_id};
            if (d.can_evaluate) ImGui::SameLine();
        }
        if (d.can_evaluate &&
            widgets::button(ui, widgets::ellipsize(ui.tr("qa.new_evaluation"), eval_w - ui.px(24)), eval_w, d.signoffs.empty()))
            intent = StartEvaluation{d.row.person_id};
    }
    const float w = ui.px(170);
    stat(ui, ui.tr("dash.col.onboarding"), figure(ui.locale, d.row.onboarding_percent), w);
    stat(ui, ui.tr("dash.col.mastery"), figure(ui.locale, d.row.mastery_percent), w);
    stat(ui, ui.tr("dash.col.backlog"), std::to_string(d.row.due_backlog), w);
    stat(ui, ui.tr("dash.col.qa"), figure(ui.locale, d.row.qa_score), w);
    stat(ui, ui.tr("dash.col.motivation"), figure(ui.locale, d.row.motivation_index, ""), w);
    ImGui::NewLine();
    ImGui::Separator();

    const float half = ImGui::GetContentRegionAvail().x * 0.5f - ui.px(8);
    ImGui::BeginChild("##change", ImVec2(half, 0), false);
    widgets::caption(ui, ui.tr("person.phase"));
    const trainer::change::PhaseRecord* last = d.history.empty() ? nullptr : &d.history.back();
    const trainer::change::PhaseRecord* last_self = nullptr;
    for (auto it = d.history.rbegin(); it != d.history.rend(); ++it)
        if (it->source == "self") {
            last_self = &*it;
            break;
        }
    if (!last) {
        widgets::text(ui.fonts.body, ui.tr("person.no_checkin"), theme::kMuted);
    } else {
        const int p = static_cast<int>(last->phase);
        widgets::chip(ui, phase_name(ui, set, p), theme::kInk,
                      ImVec4(theme::phase_colour(p).x, theme::phase_colour(p).y, theme::phase_colour(p).z, 0.35f));
        ImGui::SameLine();
        ImGui::TextColored(theme::kMuted, "%s",
                           ui.tr(last->source == "lead" ? "person.by_lead" : "person.by_checkin",
                                 {{"date", trainer::i18n::format_date(last->at_ms, ui.locale, trainer::organisation_zone())}})
                               .c_str());
        if (set.change) {
            const auto& info = set.change->phase(last->phase);
            widgets::text(ui.fonts.small, trainer::content::pick(info.description, ui.locale), theme::kMuted);
            widgets::caption(ui, ui.tr("person.what_to_do"));
            widgets::text(ui.fonts.body, trainer::content::pick(info.lead_action, ui.locale), theme::kInk);
        }
        if (last_self && !d.why.empty()) {
            widgets::caption(ui, ui.tr("person.why"));
            for (const auto& reason : d.why) {
                widgets::text(ui.fonts.small,
                              ui.tr(reason.below ? "person.why_below" : "person.why_at_least",
                                    {{"dimension", ui.tr(std::string("change.dim.") +
                                                         trainer::content::dimension_id(static_cast<trainer::content::Dimension>(reason.dimension)))},
                                     {"score", fixed(ui.locale, reason.score, 1)},
                                     {"threshold", fixed(ui.locale, reason.threshold, 0)}}),
                              theme::kInk);
                ImGui::Indent(ui.px(16));
                for (const auto& [text, answer] : reason.answers)
                    widgets::bullet(ui.fonts.small,
                                    ui.tr("person.why_answer", {{"statement", text}, {"answer", std::to_string(answer)}}),
                                    theme::kMuted);
                ImGui::Unindent(ui.px(16));
            }
        }
        if (!last->note.empty()) widgets::text(ui.fonts.small, "“" + last->note + "”", theme::kMuted);
    }
    if (d.history.size() > 1) {
        widgets::caption(ui, ui.tr("person.history"));
        // The phase column starts after the widest date ("26 нояб. 2026 г." is wider than "Nov 26, 2026").
        float date_w = 0;
        for (const auto& h : d.history)
            date_w = std::max(date_w, ImGui::CalcTextSize(trainer::i18n::format_date(h.at_ms, ui.locale, trainer::organisation_zone()).c_str()).x);
        for (const auto& h : d.history) {
            ImGui::TextColored(theme::kMuted, "%s", trainer::i18n::format_date(h.at_ms, ui.locale, trainer::organisation_zone()).c_str());
            ImGui::SameLine(date_w + ui.px(24));
            ImGui::TextUnformatted((phase_name(ui, set, static_cast<int>(h.phase)) + "  (" +
                                    ui.tr(h.source == "lead" ? "person.src_lead" : "person.src_self") + ")").c_str());
        }
    }
    if (!d.rollout_id.empty()) {
        ImGui::Spacing();
        widgets::caption(ui, ui.tr("person.assess"));
        for (int p = 0; p < 4; ++p) {
            // A button that would not fit beside the last one starts a new row (ru, pl at 1024 px).
            const float button_w = ImGui::CalcTextSize(phase_name(ui, set, p).c_str()).x + 2 * ImGui::GetStyle().FramePadding.x;
            if (p && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + button_w <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
                ImGui::SameLine();
            ImGui::PushID(p);
            if (widgets::button(ui, phase_name(ui, set, p), 0.0f, phase == p)) phase = p;
            ImGui::PopID();
        }
        ImGui::SetNextItemWidth(-1);
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ui.px(12), ui.px(12)));
        ImGui::InputTextWithHint("##note", ui.tr("person.note_hint").c_str(), &note);
        ImGui::PopStyleVar();
        ImGui::BeginDisabled(phase < 0);
        if (widgets::button(ui, ui.tr("person.save_assessment"), ui.px(300), true))
            intent = AssessPhase{d.row.person_id, d.rollout_id, phase, note};
        ImGui::EndDisabled();
        if (!message.empty()) widgets::text(ui.fonts.body, message, theme::kGood);
    }
    ImGui::EndChild();
    ImGui::SameLine(0, ui.px(16));
    ImGui::BeginChild("##quality", ImVec2(0, 0), false);
    if (d.scores) draw_scores(ui, *d.scores, d.motivation, config, set, &open_evaluation);
    ImGui::EndChild();
    return intent;
}

} // namespace kiosk
