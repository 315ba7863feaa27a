#include "kiosk/flows/quality_flow.hpp"
#include "kiosk/flows/refusal.hpp"
#include "trainer/i18n/format.hpp"

#include <imgui.h>

#include "trainer/core/org_time_zone.hpp"

#include "kiosk/screen_parts.hpp"
#include "kiosk/screens/person_screen.hpp"
#include "trainer/core/time.hpp"

#include <algorithm>

namespace kiosk {

void QualityFlow::apply(const QualityIntent& intent, Env& env) {
    try {
        if (const auto* s = std::get_if<ShowScores>(&intent)) {
            const std::string who = s->person_id.empty() ? env.person_id : s->person_id;
            scores_ = env.evaluations.scores(env.actor, who); // AccessDenied for anyone else's
            motivation_.reset();
            if (const auto period = trainer::quality::period_of(trainer::org_today(env.clock), env.motivation.period))
                motivation_ = trainer::quality::motivation_for(env.db, env.events, env.clock, env.content, env.motivation,
                                                               env.actor, who, *period);
            env.stack.push_back(ScreenId::Scores);
        } else if (const auto* e = std::get_if<StartEvaluation>(&intent)) {
            if (!env.content.quality || env.content.quality->scorecards.empty()) return;
            auto form = env.evaluations.form(env.actor, env.content.quality->scorecards.front().id, env.ui.locale);
            std::string name = e->person_id;
            for (const auto& a : form.agents)
                if (a.id == e->person_id) name = a.display_name;
            evaluation_.open(std::move(form), e->person_id, name);
            env.stack.push_back(ScreenId::Evaluation);
        }
    } catch (const std::exception& e) {
        env.notice = refusal(env.ui, e);
    }
}

Intent QualityFlow::draw(ScreenId screen, Env& env) {
    if (screen == ScreenId::Evaluation) {
        if (!evaluation_.wanted_scorecard.empty()) { // another scorecard: its own criteria
            try {
                auto form = env.evaluations.form(env.actor, evaluation_.wanted_scorecard, env.ui.locale);
                const std::string person = evaluation_.draft.person_id, name = evaluation_.agent_name;
                evaluation_.open(std::move(form), person, name);
            } catch (const std::exception& e) {
                evaluation_.wanted_scorecard.clear();
                env.notice = refusal(env.ui, e);
            }
        }
        evaluation_.preview = env.evaluations.preview(evaluation_.draft);
        return evaluation_.draw(env.ui);
    }
    if (screen != ScreenId::Scores) return NoIntent{};
    Intent intent;
    if (widgets::header_stacked(env.ui, env.ui.tr("qa.my_scores"))) intent = Back{};
    ImGui::BeginChild("##my-scores"); // scrolls: a small window or a large scale
    draw_scores(env.ui, scores_, motivation_, env.motivation, env.content);
    ImGui::EndChild();
    return intent;
}

std::string QualityFlow::signing_what(const UiContext& ui) const {
    const auto& p = evaluation_.preview;
    return ui.tr("sign.what_evaluation",
                 {{"person", evaluation_.agent_name},
                  {"score", p.scored ? trainer::i18n::format_percent(p.percent, 0, ui.locale) : std::string(trainer::i18n::kNoValue)}});
}

QualityFlow::Signed QualityFlow::finish_signature(const trainer::identity::LoginAttempt& attempt,
                                                  const trainer::identity::PinCheck& check, std::string& pad_message,
                                                  Env& env) {
    const UiContext& ui = env.ui;
    try {
        const auto res = env.evaluations.submit_checked(env.actor, evaluation_.draft, attempt, check);
        const auto& s = res.evaluation.score;
        env.notice = ui.tr("qa.saved", {{"name", evaluation_.agent_name},
                                        {"score", s.scored ? trainer::i18n::format_percent(s.percent, 0, ui.locale) : std::string(trainer::i18n::kNoValue)}});
        if (!res.coached_cards.empty()) {
            env.notice += ' ';
            env.notice += ui.count("sign.coached", static_cast<long long>(res.coached_cards.size()));
        }
        while (env.stack.size() > 1 && (env.stack.back() == ScreenId::Sign || env.stack.back() == ScreenId::Evaluation))
            env.stack.pop_back();
        return Signed::Saved;
    } catch (const trainer::quality::SignatureRejected& e) {
        pad_message = e.status() == trainer::identity::LoginStatus::Throttled
                          ? ui.count("login.throttled", std::max<long long>(1, (e.retry_after_ms() + 999) / 1000))
                          : ui.tr("sign.rejected");
    } catch (const trainer::quality::DraftError& e) {
        evaluation_.problems = e.problems();
        if (env.stack.back() == ScreenId::Sign) env.stack.pop_back();
        return Signed::DraftProblems;
    } catch (const std::exception& e) {
        pad_message = refusal(ui, e);
    }
    return Signed::Rejected;
}

} // namespace kiosk
