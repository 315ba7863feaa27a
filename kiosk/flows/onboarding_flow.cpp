#include "kiosk/flows/onboarding_flow.hpp"
#include "kiosk/flows/refusal.hpp"

#include "trainer/onboarding/module_resume.hpp"

#include <iostream>

namespace kiosk {

const std::vector<trainer::onboarding::TrackMap>& OnboardingFlow::refresh_tracks(Env& env) {
    tracks_.clear();
    if (!env.onboarding) return tracks_;
    try {
        tracks_ = env.onboarding->track_maps(env.actor, env.person_id, env.ui.locale);
    } catch (const std::exception& e) {
        std::cerr << "kiosk: " << e.what() << "\n";
    }
    return tracks_;
}

void OnboardingFlow::refresh_module(Env& env) {
    if (!env.onboarding || module_.module_id.empty()) return;
    try {
        view_ = env.onboarding->module_view(env.actor, env.person_id, module_.module_id, env.ui.locale);
    } catch (const std::exception& e) {
        module_.message = refusal(env.ui, e);
    }
}

void OnboardingFlow::on_resume(ScreenId screen, Env& env) {
    if (screen == ScreenId::Tracks) refresh_tracks(env);
    if (screen == ScreenId::Module) refresh_module(env);
}

void OnboardingFlow::relocalise(Env& env, const trainer::content::ContentSet& set) {
    if (!tracks_.empty()) refresh_tracks(env);
    if (module_.module_id.empty()) return;
    refresh_module(env);
    if (module_.last_feedback && set.onboarding)
        if (const auto* m = set.onboarding->find_module(module_.module_id))
            module_.last_feedback = trainer::onboarding::relocalised(*m, std::move(*module_.last_feedback), env.ui.locale);
}

void OnboardingFlow::reset() {
    auto picture = std::move(module_.picture);
    *this = OnboardingFlow{};
    module_.picture = std::move(picture);
}

void OnboardingFlow::apply(const OnboardingIntent& intent, Env& env) {
    if (std::holds_alternative<ShowTracks>(intent)) {
        refresh_tracks(env);
        if (env.stack.back() == ScreenId::Module) env.stack.pop_back();
        if (env.stack.back() != ScreenId::Tracks) env.stack.push_back(ScreenId::Tracks);
        return;
    }
    if (!env.onboarding) return;
    auto& svc = *env.onboarding;
    const std::string& module = module_.module_id;
    try {
        if (const auto* i = std::get_if<OpenModule>(&intent)) {
            module_.open(i->module_id, 0);
            refresh_module(env);
            module_.page = trainer::onboarding::resume_page(view_);
            if (env.stack.back() != ScreenId::Module) env.stack.push_back(ScreenId::Module);
            if (trainer::onboarding::records_page_view(view_, module_.page)) {
                svc.view_page(env.actor, module, module_.page); // the page now on screen
                refresh_module(env);
            }
        } else if (const auto* t = std::get_if<TurnPage>(&intent)) {
            if (t->page < static_cast<int>(view_.pages.size())) svc.view_page(env.actor, module, t->page);
            refresh_module(env);
        } else if (std::holds_alternative<StartQuiz>(intent)) {
            svc.start_quiz(env.actor, module, env.ui.locale);
            module_.shown_question.clear();
            module_.selected.clear();
            refresh_module(env);
        } else if (const auto* q = std::get_if<AnswerQuestion>(&intent)) {
            module_.last_feedback =
                svc.answer_question(env.actor, module, q->question_id, q->chosen, env.ui.locale).question;
            refresh_module(env);
        } else if (const auto* s = std::get_if<AnswerScenario>(&intent)) {
            svc.answer_scenario(env.actor, module, s->scenario_id, s->option_id, s->reflection, env.ui.locale);
            refresh_module(env);
        } else if (std::holds_alternative<RequestSignoff>(intent)) {
            svc.request_signoff(env.actor, module);
            refresh_module(env);
        }
    } catch (const std::exception& e) {
        module_.message = refusal(env.ui, e);
        module_.shown_question.clear();
        module_.shown_scenario.clear();
        refresh_module(env);
    }
}

Intent OnboardingFlow::draw(ScreenId screen, Env& env, const trainer::content::ContentSet& set) {
    if (screen == ScreenId::Tracks) return track_map_.draw(env.ui, tracks_);
    if (screen == ScreenId::Module) return module_.draw(env.ui, view_, set);
    return NoIntent{};
}

} // namespace kiosk
