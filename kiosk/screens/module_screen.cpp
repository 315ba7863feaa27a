#include "kiosk/screens/module_screen.hpp"

#include "kiosk/images.hpp"
#include "kiosk/input.hpp"
#include "kiosk/screens/track_map_screen.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"
#include "trainer/cards/browse.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

using trainer::content::Pillar;
using trainer::onboarding::ModuleView;

std::string percent(double fraction) { return std::to_string(static_cast<int>(std::lround(fraction * 100.0))) + " %"; }

void feedback_line(const UiContext& ui, const std::string& s, const ImVec4& colour) {
    if (s.empty()) return;
    ImGui::Indent(ui.px(36));
    widgets::text(ui.fonts.small, s, colour);
    ImGui::Unindent(ui.px(36));
}

std::string assessment_label(const UiContext& ui, Pillar p) {
    return ui.tr(p == Pillar::Knowledge ? "onb.quiz" : p == Pillar::Attitude ? "onb.scenarios" : "onb.checklist");
}

} // namespace

Intent draw_card_links(const UiContext& ui, const std::vector<std::string>& card_ids,
                       const trainer::content::ContentSet& set) {
    Intent intent;
    for (const auto& id : card_ids) {
        const auto face = trainer::cards::card_face(set, id, ui.locale);
        if (face.id.empty()) continue;
        ImGui::PushID(id.c_str());
        if (widgets::button(ui, "→  " + face.text.title)) intent = OpenCard{id};
        ImGui::PopID();
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < ui.px(260)) ImGui::NewLine();
    }
    if (!card_ids.empty()) ImGui::NewLine();
    return intent;
}

void ModuleScreen::open(const std::string& id, int resume_page) {
    *this = ModuleScreen{};
    module_id = id;
    page = std::max(0, resume_page);
}

Intent ModuleScreen::draw(const UiContext& ui, const ModuleView& v, const trainer::content::ContentSet& set) {
    Intent intent;
    const int pages = static_cast<int>(v.pages.size());
    page = std::clamp(page, 0, pages);
    if (widgets::button(ui, "←  " + ui.tr("onb.back_to_map"))) intent = ShowTracks{};
    ImGui::SameLine();
    widgets::chip(ui, pillar_label(ui, v.pillar), ImVec4(1, 1, 1, 1), theme::pillar_colour(static_cast<int>(v.pillar)));
    if (v.passed) {
        ImGui::SameLine();
        widgets::chip(ui, ui.tr("onb.status.done"), theme::kGood, theme::kGoodSoft);
    }
    widgets::text(ui.fonts.title, v.title, theme::kInk);
    // Steps: one dot per page, then the assessment; the current one is filled.
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float r = ui.px(6), step = ui.px(22);
        for (int i = 0; i <= pages; ++i) {
            const ImVec2 c(p.x + r + static_cast<float>(i) * step, p.y + r + ui.px(2));
            const ImU32 col = ImGui::GetColorU32(i <= page ? theme::kAccent : theme::kNone);
            if (i == page) dl->AddCircleFilled(c, r * 1.3f, col);
            else dl->AddCircleFilled(c, r, col);
        }
        ImGui::Dummy(ImVec2(static_cast<float>(pages + 1) * step, 2 * r + ui.px(4)));
        ImGui::SameLine();
        ImGui::PushFont(ui.fonts.small);
        ImGui::TextColored(theme::kMuted, "%s",
                           page < pages ? ui.tr("onb.page_of", {{"n", std::to_string(page + 1)}, {"total", std::to_string(pages)}}).c_str()
                                        : assessment_label(ui, v.pillar).c_str());
        ImGui::PopFont();
    }
    ImGui::Separator();
    // The body scrolls; the navigation stays at the bottom.
    const float nav_h = ui.px(theme::kTouch) + ImGui::GetStyle().ItemSpacing.y * 2 + ui.px(8);
    ImGui::BeginChild("##module-body", ImVec2(0, -nav_h), false);
    action.reset();
    Intent body;
    if (page < pages) body = draw_page(ui, v, set);
    else if (v.pillar == Pillar::Knowledge) body = draw_quiz(ui, v);
    else if (v.pillar == Pillar::Attitude) body = draw_scenarios(ui, v);
    else body = draw_checklist(ui, v, set);
    if (!message.empty()) widgets::text(ui.fonts.body, message, theme::kWarn);
    ImGui::EndChild();
    if (!is_none(body)) intent = body;

    ImGui::Separator();
    if (page > 0) {
        if (widgets::button(ui, "←  " + ui.tr("onb.prev"), ui.px(240)) || (page < pages && input::pressed(input::Key::Left))) {
            intent = TurnPage{page - 1};
        }
        ImGui::SameLine();
    }
    if (page < pages) {
        const std::string next = page + 1 < pages ? ui.tr("onb.next") : ui.tr("onb.to_assessment", {{"what", assessment_label(ui, v.pillar)}});
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(360));
        if (widgets::button(ui, next + "  →", ui.px(360), true) || input::pressed(input::Key::Right))
            intent = TurnPage{page + 1};
    } else if (action) {
        // The assessment's one next step, always in the same place; Enter does it too.
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ui.px(420));
        ImGui::BeginDisabled(!action->enabled);
        const bool typing = ImGui::GetIO().WantTextInput;
        if (widgets::button(ui, action->label, ui.px(420), true) || (action->enabled && !typing && input::pressed(input::Key::Enter)))
            intent = action->run();
        ImGui::EndDisabled();
    }
    if (const auto* t = std::get_if<TurnPage>(&intent)) {
        page = std::clamp(t->page, 0, pages);
        message.clear();
    }
    return intent;
}

Intent ModuleScreen::draw_page(const UiContext& ui, const ModuleView& v, const trainer::content::ContentSet& set) {
    const auto& pg = v.pages[static_cast<std::size_t>(page)];
    if (page == 0 && !v.summary.empty()) widgets::text(ui.fonts.body, v.summary, theme::kMuted);
    ImGui::Spacing();
    widgets::text(ui.fonts.large, pg.title, theme::kInk);
    ImGui::Spacing();
    ImGui::PushTextWrapPos(std::min(ImGui::GetContentRegionAvail().x, ui.px(900)));
    ImGui::PushFont(ui.fonts.body);
    ImGui::TextUnformatted(pg.text.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    if (!pg.image.empty() && picture)
        if (const Picture* pic = picture(pg.image)) {
            // At most the text column wide and 320 px tall, never upscaled past 1.5x.
            const float max_w = std::min(ImGui::GetContentRegionAvail().x, ui.px(900));
            const float k = std::min({max_w / static_cast<float>(pic->width), ui.px(320) / static_cast<float>(pic->height),
                                      1.5f * ui.scale});
            ImGui::Spacing();
            ImGui::Image(pic->texture, ImVec2(static_cast<float>(pic->width) * k, static_cast<float>(pic->height) * k));
        }
    Intent intent;
    if (!pg.cards.empty()) {
        ImGui::Spacing();
        widgets::caption(ui, ui.tr("onb.standards_here"));
        intent = draw_card_links(ui, pg.cards, set);
    }
    return intent;
}

Intent ModuleScreen::draw_quiz(const UiContext& ui, const ModuleView& v) {
    Intent intent;
    if (!v.quiz) return intent;
    const auto& q = *v.quiz;
    const trainer::onboarding::QuestionView* current = nullptr;
    for (const auto& question : q.questions)
        if ((!shown_question.empty() && question.id == shown_question) ||
            (shown_question.empty() && q.attempt_open && !question.answered)) {
            current = &question;
            break;
        }
    // The answer that finished an attempt: the view has moved on, the feedback stays on screen.
    if (!shown_question.empty() && last_feedback && last_feedback->id == shown_question &&
        (!current || !current->answered))
        current = &*last_feedback;
    if (!current) {
        // No attempt open: the result of the last one, and the way to (re)start.
        if (q.last_result) {
            const auto& r = *q.last_result;
            widgets::text(ui.fonts.large,
                          ui.tr(r.passed ? "onb.quiz_passed" : "onb.quiz_failed",
                                {{"score", percent(r.score)}, {"mark", percent(q.pass_mark)}}),
                          r.passed ? theme::kGood : theme::kWarn);
            widgets::text(ui.fonts.body, ui.count("onb.attempt", r.attempt), theme::kMuted);
        } else {
            widgets::text(ui.fonts.large, ui.count("onb.quiz_intro", static_cast<long long>(q.questions.size()),
                                                   {{"mark", percent(q.pass_mark)}}),
                          theme::kInk);
        }
        ImGui::Spacing();
        if (!v.passed || !q.last_result) {
            action = Action{ui.tr(q.last_result ? "onb.quiz_retry" : "onb.quiz_start"), true, [] { return Intent{StartQuiz{}}; }};
        }
        return intent;
    }
    int index = 0;
    for (std::size_t i = 0; i < q.questions.size(); ++i)
        if (q.questions[i].id == current->id) index = static_cast<int>(i);
    widgets::text(ui.fonts.small, ui.tr("onb.question_of", {{"n", std::to_string(index + 1)}, {"total", std::to_string(q.questions.size())}}),
                  theme::kMuted);
    widgets::text(ui.fonts.large, current->prompt, theme::kInk);
    const bool multiple = current->kind == trainer::content::QuestionKind::Multiple;
    widgets::text(ui.fonts.small, ui.tr(multiple ? "onb.choose_all" : "onb.choose_one"), theme::kMuted);
    ImGui::Spacing();
    for (const auto& o : current->options) {
        widgets::Look look = widgets::Look::Plain;
        if (current->answered) {
            look = o.correct ? widgets::Look::Right : o.chosen ? widgets::Look::Wrong : widgets::Look::Dim;
        } else if (selected.count(o.id)) {
            look = widgets::Look::Selected;
        }
        if (widgets::choice(ui, o.id, o.text, look, !current->answered)) {
            if (multiple) {
                if (!selected.erase(o.id)) selected.insert(o.id);
            } else {
                selected = {o.id};
            }
        }
        if (current->answered && (o.chosen || o.correct)) feedback_line(ui, o.feedback, o.correct ? theme::kGood : theme::kWarn);
    }
    // Keys 1-9 pick options too (keyboard users, and the scripted end-to-end test).
    if (!current->answered)
        for (char d : input::digits_pressed()) {
            const std::size_t i = static_cast<std::size_t>(d - '1');
            if (d < '1' || i >= current->options.size()) continue;
            const std::string& id = current->options[i].id;
            if (!multiple) selected = {id};
            else if (!selected.erase(id)) selected.insert(id);
        }
    ImGui::Spacing();
    if (!current->answered) {
        action = Action{ui.tr("onb.check"), !selected.empty(), [this, id = current->id] {
                            shown_question = id;
                            return Intent{AnswerQuestion{id, std::vector<std::string>(selected.begin(), selected.end())}};
                        }};
    } else {
        const char* verdict = current->score >= 0.999 ? "onb.right" : current->score > 0 ? "onb.partly" : "onb.wrong";
        widgets::text(ui.fonts.large, ui.tr(verdict), current->score >= 0.999 ? theme::kGood : theme::kWarn);
        if (!current->explanation.empty()) widgets::text(ui.fonts.body, current->explanation, theme::kInk);
        ImGui::Spacing();
        const bool last = q.answered >= static_cast<int>(q.questions.size()) || !q.attempt_open;
        action = Action{ui.tr(last ? "onb.see_result" : "onb.next_question"), true, [this] {
                            shown_question.clear();
                            selected.clear();
                            return Intent{};
                        }};
    }
    return intent;
}

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
                          ui.tr("onb.scenarios_done", {{"score", std::to_string(v.passed->score).substr(0, std::to_string(v.passed->score).find('.') + 3)}}),
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

Intent ModuleScreen::draw_checklist(const UiContext& ui, const ModuleView& v, const trainer::content::ContentSet& set) {
    Intent intent;
    // Where the sign-off stands comes first: that is what the new hire opens this page to see.
    if (v.passed) {
        widgets::text(ui.fonts.large, ui.tr("onb.signed", {{"score", percent(v.passed->score)}}), theme::kGood);
    } else if (v.signoff_pending) {
        widgets::text(ui.fonts.large, ui.tr("onb.awaiting"), theme::kAccent);
        widgets::text(ui.fonts.body, ui.tr("onb.awaiting_hint"), theme::kMuted);
    }
    widgets::text(ui.fonts.body, ui.tr("onb.checklist_intro", {{"mark", percent(v.checklist_pass_mark)}}), theme::kInk);
    ImGui::Spacing();
    int n = 0;
    for (const auto& s : v.steps) {
        ImGui::PushID(s.id.c_str());
        widgets::text(ui.fonts.large, std::to_string(++n) + ".  " + s.text, theme::kInk);
        ImGui::Indent(ui.px(32));
        Intent link = draw_card_links(ui, s.cards, set);
        if (!is_none(link)) intent = link;
        ImGui::Unindent(ui.px(32));
        ImGui::PopID();
    }
    if (!v.passed && !v.signoff_pending)
        action = Action{ui.tr("onb.ask_signoff"), true, [] { return Intent{RequestSignoff{}}; }};
    return intent;
}

} // namespace kiosk
