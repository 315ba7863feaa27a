// A module's knowledge quiz (DESIGN §4.3): one question at a time, feedback on every answer, retries.
#include "kiosk/screens/module_screen.hpp"
#include "kiosk/screens/module_text.hpp"

#include "kiosk/input.hpp"
#include "kiosk/theme.hpp"
#include "kiosk/widgets.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

namespace kiosk {

using trainer::onboarding::ModuleView;

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
                                {{"score", percent(ui, r.score)}, {"mark", percent(ui, q.pass_mark)}}),
                          r.passed ? theme::kGood : theme::kWarn);
            widgets::text(ui.fonts.body, ui.count("onb.attempt", r.attempt), theme::kMuted);
            // The feedback the result points to: each question not fully right, as answered.
            if (!r.passed && !q.missed.empty()) {
                ImGui::Spacing();
                widgets::caption(ui, ui.tr("onb.missed"));
                for (const auto& m : q.missed) {
                    ImGui::PushID(m.id.c_str());
                    widgets::text(ui.fonts.large, m.prompt, theme::kInk);
                    for (const auto& o : m.options) {
                        if (!o.chosen && !o.correct) continue;
                        widgets::choice(ui, o.id, o.text, o.correct ? widgets::Look::Right : widgets::Look::Wrong, false);
                        feedback_line(ui, o.feedback, o.correct ? theme::kGood : theme::kWarn);
                    }
                    if (!m.explanation.empty()) widgets::text(ui.fonts.body, m.explanation, theme::kInk);
                    ImGui::Spacing();
                    ImGui::PopID();
                }
            }
        } else {
            widgets::text(ui.fonts.large, ui.count("onb.quiz_intro", static_cast<long long>(q.questions.size()),
                                                   {{"mark", percent(ui, q.pass_mark)}}),
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

} // namespace kiosk
